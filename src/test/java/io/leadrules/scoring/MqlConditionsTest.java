package io.leadrules.scoring;

import io.leadrules.TestRulesets;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.Ruleset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static io.leadrules.scoring.LeadBuilder.AS_OF;
import static io.leadrules.scoring.LeadBuilder.idealBuyer;
import static org.assertj.core.api.Assertions.assertThat;

/** The MQL verdict beyond the threshold: disqualify rules veto it, fit and intent minimums gate it, and it says why. */
class MqlConditionsTest {

    private static Ruleset ruleset;

    @BeforeAll
    static void compile() {
        ruleset = TestRulesets.defaultRuleset();
    }

    private static ScoreCard score(MqlMinimums minimums, LeadBuilder lead) {
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 10_000, Map.of(), Optional.empty(),
                minimums));
        return scorer.score(ruleset, lead.build(), lead.eventList(), AS_OF);
    }

    /** Strong fit and a demo this week: 125 points, far over the threshold. */
    private static LeadBuilder hotBuyer(String id) {
        return idealBuyer(id).event("Demo Attended", 1).event("Pricing Page Viewed", 0);
    }

    @Test
    void aCompetitorIsNoMqlWhateverItsScore() {
        ScoreCard card = score(MqlMinimums.NONE, hotBuyer("spy").email("sam@klaviyo.com"));

        // Everything but the competitor rule makes an MQL's score; the rule's veto, not its points, keeps it out.
        assertThat(card.score().subtract(card.breakdown().disqualify())).isGreaterThanOrEqualTo(new BigDecimal("70"));
        assertThat(card.mql()).isFalse();
        assertThat(card.eligible()).isFalse();
        assertThat(card.disqualifiedBy()).containsExactly("Competitor domain");
        assertThat(card.notMqlBecause()).first().isEqualTo("disqualified by \"Competitor domain\"");
        assertThat(card.breakdown().disqualify()).isEqualByComparingTo("-100");
        assertThat(card.breakdown().total()).isEqualByComparingTo(card.score());
    }

    @Test
    void aDisqualifierWithoutPointsVetoesAScoreOverTheThreshold() {
        Ruleset veto = TestRulesets.fixture("disqualify");
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 100, Map.of(), Optional.empty()));
        LeadBuilder student = LeadBuilder.lead("student").email("kim@cs.stanford.edu");
        ScoreCard card = scorer.score(veto, student.build(), student.eventList(), AS_OF);

        assertThat(card.score()).isEqualByComparingTo("90");
        assertThat(card.mql()).isFalse();
        assertThat(card.disqualifiedBy()).containsExactly("Student email");
        LeadBuilder other = LeadBuilder.lead("other").email("kim@example.com");
        assertThat(scorer.score(veto, other.build(), other.eventList(), AS_OF).mql()).isTrue();
    }

    @Test
    void theSameLeadWithoutTheCompetitorDomainIsAnMql() {
        ScoreCard card = score(MqlMinimums.NONE, hotBuyer("buyer"));

        assertThat(card.mql()).isTrue();
        assertThat(card.disqualifiedBy()).isEmpty();
        assertThat(card.notMqlBecause()).isEmpty();
    }

    @Test
    void aFitMinimumKeepsAPureIntentLeadOut() {
        LeadBuilder intentOnly = LeadBuilder.lead("intent-only").event("Demo Attended", 1)
                .event("Pricing Page Viewed", 0).event("Demo Requested", 2);
        ScoreCard withoutMinimum = score(MqlMinimums.NONE, intentOnly);
        ScoreCard withMinimum = score(new MqlMinimums(Optional.of(new BigDecimal("30")), Optional.empty()), intentOnly);

        assertThat(withoutMinimum.mql()).isTrue();
        assertThat(withMinimum.score()).isEqualByComparingTo(withoutMinimum.score());
        assertThat(withMinimum.mql()).isFalse();
        assertThat(withMinimum.notMqlBecause()).singleElement().asString()
                .startsWith("fit 0 is under the minimum 30").contains("leadrules.mql.min-fit");
    }

    @Test
    void anIntentMinimumKeepsAPureFitLeadOutAndBothFailuresAreNamed() {
        LeadBuilder fitOnly = idealBuyer("fit-only");
        ScoreCard card = score(new MqlMinimums(Optional.of(new BigDecimal("80")), Optional.of(new BigDecimal("10"))),
                fitOnly);

        assertThat(card.mql()).isFalse();
        assertThat(card.notMqlBecause()).hasSize(3);
        assertThat(card.notMqlBecause().get(0)).startsWith("fit 65 is under the minimum 80");
        assertThat(card.notMqlBecause().get(1)).startsWith("intent 0 is under the minimum 10");
        assertThat(card.notMqlBecause().get(2)).isEqualTo("the score 65 is under the MQL line 70");
    }

    @Test
    void minimumsThatAreMetChangeNothing() {
        ScoreCard card = score(new MqlMinimums(Optional.of(new BigDecimal("40")), Optional.of(new BigDecimal("20"))),
                hotBuyer("both"));

        assertThat(card.mql()).isTrue();
        assertThat(card.eligible()).isTrue();
    }
}
