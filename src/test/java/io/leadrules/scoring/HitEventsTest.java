package io.leadrules.scoring;

import io.leadrules.TestRulesets;
import io.leadrules.model.EventRef;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.leadrules.scoring.LeadBuilder.AS_OF;
import static io.leadrules.scoring.LeadBuilder.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each hit names exactly the events its rule's condition used: its window, its sequence's pairs, or all. */
class HitEventsTest {

    private static final Scorer SCORER = new Scorer(new ScoringPolicy(new BigDecimal("70"), 10_000, Map.of(),
            Optional.empty()));
    private static Ruleset ruleset;

    @BeforeAll
    static void compile() {
        ruleset = TestRulesets.defaultRuleset();
    }

    @AfterAll
    static void release() {
        ruleset.release();
    }

    private static ScoreCard score(LeadBuilder b) {
        return score(ruleset, b);
    }

    private static ScoreCard score(Ruleset rules, LeadBuilder b) {
        return SCORER.score(rules, b.build(), b.eventList(), AS_OF);
    }

    private static RuleHit hit(ScoreCard card, String rule) {
        return card.hits().stream().filter(h -> h.rule().equals(rule) && h.appliesTo() == null).findFirst().orElseThrow();
    }

    private static RuleHit decayOf(ScoreCard card, String rule) {
        return card.hits().stream().filter(h -> rule.equals(h.appliesTo())).findFirst().orElseThrow();
    }

    private static List<String> ids(RuleHit hit) {
        return hit.events().stream().map(EventRef::id).toList();
    }

    @Test
    void aCountInThirtyDaysNamesOnlyTheEventsInsideTheWindow() {
        // The repro: one open on 2025-01-01, three in November 2026, scored on 2026-11-23.
        ScoreCard card = score(lead("w").event("Email Opened", 691).event("Email Opened", 3)
                .event("Email Opened", 11).event("Email Opened", 13));

        RuleHit opens = hit(card, "3+ email opens in 30 days");
        assertThat(ids(opens)).containsExactly("Email Opened-3", "Email Opened-2", "Email Opened-1");
        assertThat(opens.lastEventAt()).isEqualTo(AS_OF.minusSeconds(3 * 86_400));
        assertThat(decayOf(card, "3+ email opens in 30 days").events()).isEqualTo(opens.events());
    }

    @Test
    void recencyNamesTheEventsOfItsWindowAndNotAnOlderView() {
        ScoreCard card = score(lead("r").event("Pricing Page Viewed", 160).event("Pricing Page Viewed", 2));

        assertThat(ids(hit(card, "Pricing page in the last 7 days"))).containsExactly("Pricing Page Viewed-1");
    }

    @Test
    void aLowerAndUpperBoundOnRecencyNamesTheEventsUpToTheUpperBound() {
        ScoreCard card = score(lead("r2").event("Pricing Page Viewed", 60).event("Pricing Page Viewed", 25)
                .event("Pricing Page Viewed", 9));

        assertThat(ids(hit(card, "Pricing page in the last 30 days")))
                .containsExactly("Pricing Page Viewed-1", "Pricing Page Viewed-2");
    }

    @Test
    void aSequenceNamesTheEarlierAndLaterEventsOfEachPairAndDecaysFromThePair() {
        // Pricing 20 days ago then a demo 4 days later: a pair. Pricing 100 days ago and the demo 2 days ago
        // have no partner within 7 days, so they are not what the rule used.
        ScoreCard card = score(lead("s").event("Pricing Page Viewed", 100).event("Pricing Page Viewed", 20)
                .event("Demo Attended", 16).event("Demo Attended", 2));

        RuleHit sequence = hit(card, "Pricing page then demo within 7 days");
        assertThat(ids(sequence)).containsExactly("Pricing Page Viewed-1", "Demo Attended-2");
        assertThat(sequence.lastEventAt()).isEqualTo(AS_OF.minusSeconds(16 * 86_400));
        assertThat(sequence.signalAgeDays()).isCloseTo(16, within(1e-9));

        RuleHit decay = decayOf(card, "Pricing page then demo within 7 days");
        assertThat(ids(decay)).containsExactly("Pricing Page Viewed-1", "Demo Attended-2");
        assertThat(decay.signalAgeDays()).isCloseTo(16, within(1e-9));
        // 10 points kept at 0.75^(16/91) = 0.9507: 9.51, so 0.49 lost.
        assertThat(decay.points()).isEqualByComparingTo("-0.49");
    }

    @Test
    void everyPairOfASequenceIsNamedOldestFirst() {
        ScoreCard card = score(lead("s2").event("Pricing Page Viewed", 40).event("Demo Attended", 38)
                .event("Pricing Page Viewed", 12).event("Pricing Page Viewed", 10).event("Demo Attended", 9));

        assertThat(ids(hit(card, "Pricing page then demo within 7 days"))).containsExactly("Pricing Page Viewed-0",
                "Demo Attended-1", "Pricing Page Viewed-2", "Pricing Page Viewed-3", "Demo Attended-4");
    }

    @Test
    void aRuleWithoutAWindowStillNamesEveryEventOfItsType() {
        ScoreCard card = score(lead("a").event("Demo Attended", 300).event("Demo Attended", 5));

        assertThat(ids(hit(card, "Live demo attended"))).containsExactly("Demo Attended-0", "Demo Attended-1");
        assertThat(ids(decayOf(card, "Live demo attended"))).containsExactly("Demo Attended-0", "Demo Attended-1");
    }

    @Test
    void windowsOfOtherVocabularyFormsAndSeveralPatternsAreReadFromTheRuleText() {
        Ruleset custom = TestRulesets.compile(List.of(new RuleFile("intent.drl", """
                package leadrules;
                import io.leadrules.model.Activity;
                global io.leadrules.scoring.HitRecorder score;

                rule "Two views in 14 days and a recent guide"
                    @category("intent") @points(5)
                when
                    Activity( type == "Product Viewed", countWithin(14) >= 2 )
                    Activity( type == "Comparison Guide Downloaded", daysSinceLast < 10 )
                then
                    score.award(drools, "x");
                end

                rule "Many views ever"
                    @category("intent") @points(1)
                when
                    Activity( type == "Product Viewed", count >= 3, last7Days >= 1 )
                then
                    score.award(drools, "y");
                end
                """)));
        try {
            ScoreCard card = score(custom, lead("c").event("Product Viewed", 50).event("Product Viewed", 13)
                    .event("Product Viewed", 1).event("Comparison Guide Downloaded", 10)
                    .event("Comparison Guide Downloaded", 4));

            assertThat(ids(hit(card, "Two views in 14 days and a recent guide"))).containsExactlyInAnyOrder(
                    "Product Viewed-1", "Product Viewed-2", "Comparison Guide Downloaded-4");
            assertThat(ids(hit(card, "Many views ever")))
                    .containsExactly("Product Viewed-0", "Product Viewed-1", "Product Viewed-2");
        } finally {
            custom.release();
        }
    }

    @Test
    void aLeadWhoOptedOutGetsNoIntentPointsFromARuleThatReadsNoEvent() {
        Ruleset custom = TestRulesets.compile(List.of(new RuleFile("intent.drl", """
                package leadrules;
                import io.leadrules.model.Activity;
                global io.leadrules.scoring.HitRecorder score;

                rule "Quiet reader"
                    @category("intent") @points(3)
                when
                    Activity( type == "Email Opened", last30Days == 0 )
                then
                    score.award(drools, "Opened emails, but not this month");
                end
                """)));
        try {
            ScoreCard card = score(custom, lead("q").optedOutOfTracking().event("Email Opened", 60));

            RuleHit quiet = hit(card, "Quiet reader");
            assertThat(quiet.events()).isEmpty();
            assertThat(quiet.points()).isEqualByComparingTo("0");
            assertThat(quiet.reason()).contains("opted out");
        } finally {
            custom.release();
        }
    }
}
