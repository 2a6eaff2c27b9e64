package io.leadrules.rules;

import io.leadrules.config.LeadrulesConfig;
import io.leadrules.model.Lead;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code leadrules.rules.policy=open}: a trusted folder may hold any DRL, and the service says so at start-up. */
class OpenPolicyStartupTest {

    private static final String TRUSTED_FOLDER = "src/test/resources/drl/policy/open";

    private static LeadrulesConfig config(String rulesDir, String policy) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(LeadrulesConfig.class)
                .withDefaultValue("leadrules.rules.dir", rulesDir);
        if (policy != null) {
            builder.withDefaultValue("leadrules.rules.policy", policy);
        }
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(LeadrulesConfig.class);
    }

    @Test
    void theOpenPolicyBuildsAFolderWithAFunctionAndWarnsAtStartUp() {
        ActiveRuleset active = new ActiveRuleset(config(TRUSTED_FOLDER, "open"), Clock.systemUTC());
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ActiveRuleset.class.getName());
        logger.addHandler(capture);
        try {
            active.loadAtStartup();
        } finally {
            logger.removeHandler(capture);
        }

        Lead lead = new Lead("big-brand");
        lead.setEmployees(5000);
        BigDecimal score = new Scorer(new ScoringPolicy(new BigDecimal("70"), 100, Map.of(), Optional.empty()))
                .score(active.current(), lead, List.of(), Instant.parse("2026-11-23T00:00:00Z")).score();
        assertThat(score).isEqualByComparingTo("5");
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage())
                .contains("leadrules.rules.policy=open").contains("trusted")
                .contains("fit.drl:8:1: The function \"perThousandEmployees\" is not allowed"));
        active.current().release();
    }

    @Test
    void theDefaultStrictPolicyRefusesToStartOnTheSameFolder() {
        ActiveRuleset active = new ActiveRuleset(config(TRUSTED_FOLDER, null), Clock.systemUTC());

        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class, active::loadAtStartup);

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("fit.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("function \"perThousandEmployees\" is not allowed");
        });
        assertThat(active.current()).isNull();
    }
}
