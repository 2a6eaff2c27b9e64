package io.leadrules.profile;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trait mapped to a field that does not exist stops the service at start-up, naming the setting and the fields
 * it may use (README "Trait mapping"), rather than starting and failing every ingest call. (Were the service to
 * start, the launch would not return: the timeout fails the test.)
 */
@QuarkusMainTest
@TestProfile(BadTraitMappingStartupTest.BogusTarget.class)
class BadTraitMappingStartupTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTraitMappedToNoLeadFieldStopsTheServiceAtStartUp(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.getErrorOutput() + result.getOutput())
                .contains("leadrules.ingest.traits.\"foo\" maps to \"bogus\", which is not a lead field")
                .contains("attributes.<name>");
    }

    /** The setting of the audit: {@code -Dleadrules.ingest.traits.foo=bogus}. */
    public static class BogusTarget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadrules.ingest.traits.foo", "bogus");
        }
    }
}
