package io.leadrules.scoring;

import io.leadrules.TestRulesets;
import io.leadrules.model.Lead;
import io.leadrules.rules.Ruleset;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.leadrules.scoring.LeadBuilder.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Rules that compile but break on some leads: the failure names the rule instead of surfacing as a crash. */
class RuleRuntimeErrorTest {

    private final Ruleset ruleset = TestRulesets.fixture("runtime-error");
    private final Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 1000, Map.of(), Optional.empty()));

    @Test
    void aConsequenceThatThrowsIsReportedWithItsRule() {
        Lead lead = new Lead("zero-staff");
        lead.setEmployees(0);

        RuleFailedException e = catchThrowableOfType(RuleFailedException.class,
                () -> scorer.score(ruleset, lead, List.of(), AS_OF));

        assertThat(e.rule()).isEqualTo("Revenue per employee");
        assertThat(e.getMessage()).contains("ArithmeticException");
    }

    @Test
    void aConditionThatCannotBeEvaluatedIsReportedWithItsRule() {
        Lead lead = new Lead("text-plan");
        lead.setAttributes(new java.util.HashMap<>(Map.of("plan", "pro")));

        RuleFailedException e = catchThrowableOfType(RuleFailedException.class,
                () -> scorer.score(ruleset, lead, List.of(), AS_OF));

        assertThat(e).isNotNull();
        assertThat(e.rule()).isEqualTo("Plan level is high");
    }
}
