package io.leadrules.rules;

import io.leadrules.config.LeadrulesConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The start-up load of {@code leadrules.rules.dir}: broken DRL stops the service with every error listed. */
class StartupRefusalTest {

    private static LeadrulesConfig configFor(String rulesDir) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(LeadrulesConfig.class)
                .withDefaultValue("leadrules.rules.dir", rulesDir).build();
        return config.getConfigMapping(LeadrulesConfig.class);
    }

    @Test
    void refusesToStartListingFileLineColumnAndTextOfEveryError() {
        ActiveRuleset active = new ActiveRuleset(configFor("src/test/resources/drl/broken"), Clock.systemUTC());

        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class, active::loadAtStartup);

        assertThat(e.getMessage())
                .contains("2 error(s)")
                .contains("fit.drl:18:").contains("companySizeX")
                .contains("intent.drl:11:1:").contains("mismatched input 'then'");
        assertThat(active.current()).isNull();
    }

    @Test
    void startsOnTheShippedRules() {
        ActiveRuleset active = new ActiveRuleset(configFor("rules"), Clock.systemUTC());

        active.loadAtStartup();

        assertThat(active.current().catalog().rules()).isNotEmpty();
    }
}
