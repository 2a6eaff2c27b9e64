package io.leadrules.rules.policy;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The grammar behind the strict policy, on the texts Drools compiles: constraints (MVEL) and consequences (Java). */
class ExpressionCheckTest {

    private static final Set<String> BOUND = Set.of("$lead", "$e", "$hit");

    @Test
    void acceptsTheConditionsMarketersWrite() {
        for (String condition : new String[]{
                "type == \"Pricing Page Viewed\"", "daysSinceLast <= 7", "$t : jobTitle",
                "titleContains(\"e-commerce\", \"cmo\")", "!titleContains(\"cmo\")",
                "industry in (\"Apparel\", \"Beauty\")", "country not in (\"US\")",
                "emailDomainEndsWith(\".edu\") || emailDomainEndsWith(\".ac.uk\")", "attribute(\"plan\") > 5",
                "gmv >= 5000000", "employees != null", "daysAgo < $e.daysAgo", "countWithin(14) >= 2",
                "followsWithin(\"Pricing Page Viewed\", 7)", "gmv * 2 + 1e3 > -0.5"}) {
            assertThat(ExpressionCheck.condition(condition, Set.of("$e", "$t"))).as(condition).isEmpty();
        }
    }

    @Test
    void acceptsAwardsAndDecaysWithPointsFromBoundFacts() {
        assertThat(ExpressionCheck.consequence("score.award(drools, \"Read a blog post\");", BOUND)).isEmpty();
        assertThat(ExpressionCheck.consequence("// why\n score.award(drools, 100 / $lead.getEmployees(), \"x\");"
                + " score.decay(drools, $hit);", BOUND)).isEmpty();
    }

    @Test
    void refusesAJavaTextBlockWhichANaiveTokenizerReadsAsThreeStrings() {
        assertThat(message(ExpressionCheck.consequence("score.award(drools, \"\"\"\nreason\"\"\");", BOUND)))
                .contains("quoted text is not allowed here");
    }

    @Test
    void endsALineCommentAtAnyLineBreakJavaOrMvelMightHonour() {
        assertThat(message(ExpressionCheck.consequence("score.award(drools, \"x\"); // a\rSystem.exit(0);", BOUND)))
                .contains("\"System\"");
        assertThat(message(ExpressionCheck.consequence("score.award(drools, \"x\"); // a\u2028System.exit(0);", BOUND)))
                .contains("U+2028");
    }

    @Test
    void refusesNamesThatAreNotBoundOrHaveNoDollar() {
        assertThat(message(ExpressionCheck.condition("daysAgo < $other.daysAgo", BOUND))).contains("\"$other\" is not bound");
        assertThat(message(ExpressionCheck.condition("t : jobTitle", BOUND))).contains("must start with $");
        assertThat(message(ExpressionCheck.consequence("score.award(drools, count, \"x\");", BOUND)))
                .contains("needs the fact it belongs to");
    }

    @Test
    void refusesHalfConstraintsAndChainedComparisons() {
        assertThat(ExpressionCheck.condition("employees > 10 && < 20", BOUND)).isPresent();
        assertThat(ExpressionCheck.condition("employees == count == 1", BOUND)).isPresent();
    }

    @Test
    void refusesWrongArgumentsToTheRecorder() {
        assertThat(message(ExpressionCheck.consequence("score.award(drools);", BOUND))).contains("score.award takes");
        assertThat(message(ExpressionCheck.consequence("score.decay(drools, $hit, 2);", BOUND))).contains("score.decay takes");
        assertThat(message(ExpressionCheck.consequence("score.award($hit, \"x\");", BOUND))).contains("\"drools\" as its first");
        assertThat(message(ExpressionCheck.consequence("score.hits();", BOUND))).contains("\"score\" may only be called");
    }

    private static String message(Optional<ExpressionCheck.Refusal> refusal) {
        assertThat(refusal).isPresent();
        return refusal.get().message();
    }
}
