package io.leadrules.rules.policy;

import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the strict policy lets through: everything marketers write today, in the vocabulary of the model. */
class StrictPolicyAllowsTest {

    /**
     * Fixtures that are not ordinary rules on purpose: attacks, trusted folders (a looping {@code modify}, a
     * function) and files with errors the tests expect (an unknown field is outside the vocabulary too).
     */
    private static final Set<String> NOT_ORDINARY = Set.of("drl/escapes", "drl/looping", "looping", "drl/policy/open",
            "drl/broken", "lifecycle/broken.drl", "preview/broken.drl", "calibration/broken.drl");

    @Test
    void theShippedRulesAndTheXeducationExampleCompileStrictlyUnchanged() {
        RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC(), 1);
        for (String folder : List.of("rules", "examples/xeducation/rules")) {
            List<RuleFile> files = RulesetCompiler.readFolder(Path.of(folder));
            // Point tables are checked on the DRL they generate, when compiled below.
            assertThat(files.stream().filter(f -> f.path().endsWith(".drl")))
                    .allSatisfy(f -> assertThat(StrictDrlCheck.check(f.content())).as(f.path()).isEmpty());

            Ruleset ruleset = compiler.compile(files, folder, RulesPolicy.STRICT);

            assertThat(ruleset.catalog().rules()).as(folder).isNotEmpty();
            ruleset.release();
        }
    }

    @Test
    void everyTestFixtureThatIsNotAnAttackOrTrustedPassesTheCheck() throws IOException {
        Path resources = Path.of("src/test/resources");
        List<Path> fixtures;
        try (Stream<Path> paths = Files.walk(resources)) {
            fixtures = paths.filter(p -> p.toString().endsWith(".drl"))
                    .filter(p -> NOT_ORDINARY.stream().noneMatch(skip -> resources.relativize(p).startsWith(skip)))
                    .toList();
        }

        assertThat(fixtures).hasSizeGreaterThan(10);
        for (Path fixture : fixtures) {
            assertThat(StrictDrlCheck.check(Files.readString(fixture))).as(fixture.toString()).isEmpty();
        }
    }

    @Test
    void theVocabularyIsTheFactsPublicReadMethodsAndTheirProperties() {
        // Every name here can be called by DRL from outside: a new public method on a fact shows up here for review.
        assertThat(RuleVocabulary.MEMBERS).containsExactlyInAnyOrder(
                // Lead
                "titleContains", "industryContains", "emailDomainIn", "emailDomainEndsWith", "attribute",
                "getId", "id", "getEmail", "email", "getEmailDomain", "emailDomain", "getJobTitle", "jobTitle",
                "getIndustry", "industry", "getEmployees", "employees", "getGmv", "gmv", "getCountry", "country",
                "getRegion", "region", "isUnsubscribed", "unsubscribed", "isTrackingOptOut", "trackingOptOut",
                "getAttributes", "attributes",
                // Activity
                "getType", "type", "getEvents", "events", "getCount", "count", "getLast7Days", "last7Days",
                "getLast30Days", "last30Days", "getLast90Days", "last90Days", "getLastSeen", "lastSeen",
                "getFirstSeen", "firstSeen", "getDaysSinceLast", "daysSinceLast", "countWithin", "followsWithin",
                // Event
                "agedAt", "getTimestamp", "timestamp", "getProperties", "properties", "getDaysAgo", "daysAgo", "property",
                // RuleHit
                "rule", "getRule", "category", "getCategory", "points", "getPoints", "reason", "file", "lastEventAt",
                "signalAgeDays", "getSignalAgeDays", "appliesTo", "row");
        assertThat(RuleVocabulary.MEMBERS).doesNotContain("getClass", "setIndustry", "daysBetween", "hashCode", "wait");
    }

    @Test
    void aRequestRulesetIsOpenOnlyWhenBothTheConfigAndTheCallerAllowIt() {
        assertThat(RulesPolicy.strictest(RulesPolicy.OPEN, RulesPolicy.OPEN)).isEqualTo(RulesPolicy.OPEN);
        assertThat(RulesPolicy.strictest(RulesPolicy.OPEN, RulesPolicy.STRICT)).isEqualTo(RulesPolicy.STRICT);
        assertThat(RulesPolicy.strictest(RulesPolicy.STRICT, RulesPolicy.OPEN)).isEqualTo(RulesPolicy.STRICT);
        assertThat(RulesPolicy.strictest(RulesPolicy.STRICT, RulesPolicy.STRICT)).isEqualTo(RulesPolicy.STRICT);
    }
}
