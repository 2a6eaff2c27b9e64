package io.leadrules.scoring;

import io.leadrules.TestRulesets;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.Ruleset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static io.leadrules.scoring.LeadBuilder.AS_OF;
import static io.leadrules.scoring.LeadBuilder.idealBuyer;
import static io.leadrules.scoring.LeadBuilder.lead;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rules/ folder, fired by the real engine. */
class DefaultRulesetScoringTest {

    private static Ruleset ruleset;
    private static final Scorer SCORER = new Scorer(new ScoringPolicy(new BigDecimal("70"), 10_000, Map.of(),
            Optional.of(new BigDecimal("100"))));

    @BeforeAll
    static void compile() {
        ruleset = TestRulesets.defaultRuleset();
    }

    private static ScoreCard score(LeadBuilder b) {
        return SCORER.score(ruleset, b.build(), b.eventList(), AS_OF);
    }

    private static BigDecimal pointsOf(ScoreCard card, String rule) {
        return card.hits().stream().filter(h -> h.rule().equals(rule)).map(RuleHit::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void scoresTheIdealBuyersFitFromTitleIndustryGmvSizeAndCountry() {
        ScoreCard card = score(idealBuyer("fit-1"));

        assertThat(card.breakdown().fit()).isEqualByComparingTo("65");
        assertThat(card.hits()).extracting(RuleHit::rule).containsExactlyInAnyOrder("Title: ideal buyer",
                "Industry: target vertical", "GMV: $5M-$100M", "Company size: 50-1000 employees", "Country: core market");
        assertThat(card.hits()).allSatisfy(h -> assertThat(h.file()).isIn("fit.drl", "fit-points.drl.csv"));
        assertThat(card.mql()).isFalse();
    }

    @Test
    void pricingPageThisWeekPlusFitMakesAnMql() {
        ScoreCard card = score(idealBuyer("mql-1").event("Pricing Page Viewed", 0));

        assertThat(card.score()).isEqualByComparingTo("90");
        assertThat(card.breakdown().intent()).isEqualByComparingTo("25");
        assertThat(card.mql()).isTrue();
        RuleHit pricing = card.hits().stream().filter(h -> h.category().equals("intent")).findFirst().orElseThrow();
        assertThat(pricing.reason()).isEqualTo("Viewed the pricing page in the last 7 days");
        assertThat(pricing.events()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("Pricing Page Viewed"));
    }

    @Test
    void countsEmailOpensInTheLastThirtyDaysOnly() {
        assertThat(pointsOf(score(lead("e-1").events("Email Opened", 3, 0)), "3+ email opens in 30 days"))
                .isEqualByComparingTo("10");
        assertThat(score(lead("e-2").events("Email Opened", 2, 0).events("Email Opened", 5, 31)).hits())
                .extracting(RuleHit::rule).doesNotContain("3+ email opens in 30 days");
    }

    @Test
    void penalisesStudentsFreeMailCompetitorsTinyCompaniesAndUnsubscribes() {
        assertThat(score(lead("n-1").email("kim@cs.stanford.edu")).breakdown().negative()).isEqualByComparingTo("-50");
        assertThat(score(lead("n-2").email("bob@gmail.com")).breakdown().negative()).isEqualByComparingTo("-10");
        assertThat(score(lead("n-3").email("spy@klaviyo.com")).breakdown().disqualify()).isEqualByComparingTo("-100");
        assertThat(score(lead("n-4").employees(12)).breakdown().negative()).isEqualByComparingTo("-20");
        assertThat(score(lead("n-5").unsubscribed()).breakdown().negative()).isEqualByComparingTo("-15");
        assertThat(score(lead("n-6")).hits()).isEmpty();
    }

    @ParameterizedTest(name = "a demo {0} days ago keeps {1} of its 30 points")
    @CsvSource({"0, 30", "45.5, 25.98", "91, 22.5", "182, 16.88", "364, 9.49"})
    void decaysIntentPointsByAQuarterPerQuarter(double daysAgo, String kept) {
        ScoreCard card = score(lead("d-1").event("Demo Attended", daysAgo));

        assertThat(card.breakdown().intent()).isEqualByComparingTo("30");
        assertThat(card.breakdown().intent().add(card.breakdown().decay())).isEqualByComparingTo(kept);
        if (daysAgo > 0) {
            RuleHit decay = card.hits().stream().filter(h -> h.category().equals("decay")).findFirst().orElseThrow();
            assertThat(decay.appliesTo()).isEqualTo("Live demo attended");
            assertThat(decay.reason()).contains("Live demo attended").contains("25% per 91 days");
            assertThat(decay.events()).isNotEmpty();
        }
    }

    @Test
    void decayNeverTouchesFitOrNegativePoints() {
        ScoreCard card = score(idealBuyer("d-2").email("x@gmail.com"));

        assertThat(card.breakdown().decay()).isEqualByComparingTo("0");
    }

    @Test
    void rewardsPricingFollowedByADemoWithinSevenDays() {
        assertThat(score(lead("s-1").event("Pricing Page Viewed", 10).event("Demo Attended", 5)).hits())
                .extracting(RuleHit::rule).contains("Pricing page then demo within 7 days");
        assertThat(score(lead("s-2").event("Pricing Page Viewed", 20).event("Demo Attended", 5)).hits())
                .extracting(RuleHit::rule).doesNotContain("Pricing page then demo within 7 days");
        assertThat(score(lead("s-3").event("Demo Attended", 10).event("Pricing Page Viewed", 5)).hits())
                .extracting(RuleHit::rule).doesNotContain("Pricing page then demo within 7 days");
    }

    @Test
    void capsBlogPointsAtTenAndShowsTheCut() {
        ScoreCard card = score(lead("c-1").events("Blog Post Read", 7, 0));

        assertThat(pointsOf(card, "Blog post read")).isEqualByComparingTo("14");
        RuleHit cut = card.hits().stream().filter(h -> h.category().equals("cap")).findFirst().orElseThrow();
        assertThat(cut.points()).isEqualByComparingTo("-4");
        assertThat(cut.appliesTo()).isEqualTo("Blog post read");
        assertThat(cut.reason()).contains("at most 10 points");
        assertThat(card.score()).isEqualByComparingTo("10");
    }

    @Test
    void capsTheTotalAtOneHundred() {
        ScoreCard card = score(idealBuyer("c-2").event("Pricing Page Viewed", 0).event("Demo Attended", 0)
                .event("Comparison Guide Downloaded", 0));

        assertThat(card.breakdown().fit().add(card.breakdown().intent())).isEqualByComparingTo("145");
        assertThat(card.score()).isEqualByComparingTo("100");
        assertThat(card.breakdown().cap()).isEqualByComparingTo("-45");
        assertThat(card.hits()).anySatisfy(h -> assertThat(h.rule()).isEqualTo("Cap on total score"));
    }

    @Test
    void theScoreWithoutARuleAppliesTheCapsAgain() {
        // 145 points capped at 100: without the 25-point pricing rule the lead still has 120, capped at 100.
        ScoreCard capped = score(idealBuyer("c-3").event("Pricing Page Viewed", 0).event("Demo Attended", 0)
                .event("Comparison Guide Downloaded", 0));
        assertThat(capped.scoreWithoutRule().get("Pricing page in the last 7 days")).isEqualByComparingTo("100");

        // Under the cap: the score minus the rule's points.
        ScoreCard below = score(idealBuyer("c-5").event("Comparison Guide Downloaded", 0));
        assertThat(below.scoreWithoutRule().get("Comparison guide downloaded"))
                .isEqualByComparingTo(below.score().subtract(new BigDecimal("15")));
    }

    @Test
    void capsACategoryWhenConfigured() {
        Scorer intentCapped = new Scorer(new ScoringPolicy(new BigDecimal("70"), 10_000,
                Map.of("intent", new BigDecimal("40")), Optional.empty()));
        LeadBuilder b = lead("c-3").event("Pricing Page Viewed", 0).event("Demo Attended", 0);

        ScoreCard card = intentCapped.score(ruleset, b.build(), b.eventList(), AS_OF);

        assertThat(card.breakdown().intent()).isEqualByComparingTo("65");
        assertThat(card.breakdown().cap()).isEqualByComparingTo("-25");
        assertThat(card.score()).isEqualByComparingTo("40");
        assertThat(card.hits()).anySatisfy(h -> assertThat(h.rule()).isEqualTo("Cap on intent"));
        // Without a rule the category cap is applied again: 30 + 10 is still 40, 25 + 10 is 35.
        assertThat(card.scoreWithoutRule().get("Pricing page in the last 7 days")).isEqualByComparingTo("40");
        assertThat(card.scoreWithoutRule().get("Live demo attended")).isEqualByComparingTo("35");
    }

    @Test
    void reachingTheThresholdExactlyIsAnMqlAndOneCentBelowIsNot() {
        LeadBuilder b = idealBuyer("t-1");
        Scorer at65 = new Scorer(new ScoringPolicy(new BigDecimal("65"), 10_000, Map.of(), Optional.empty()));
        Scorer above65 = new Scorer(new ScoringPolicy(new BigDecimal("65.01"), 10_000, Map.of(), Optional.empty()));

        assertThat(at65.score(ruleset, b.build(), b.eventList(), AS_OF).mql()).isTrue();
        assertThat(above65.score(ruleset, b.build(), b.eventList(), AS_OF).mql()).isFalse();
    }

    @Test
    void ignoresEventsAfterTheScoringInstant() {
        ScoreCard card = score(lead("f-1").event("Demo Attended", -1));

        assertThat(card.hits()).isEmpty();
    }

    @Test
    void givesNoBehaviouralIntentPointsToALeadThatOptedOutOfTracking() {
        ScoreCard card = score(idealBuyer("o-1").optedOutOfTracking().event("Pricing Page Viewed", 0));

        RuleHit pricing = card.hits().stream().filter(h -> h.category().equals("intent")).findFirst().orElseThrow();
        assertThat(pricing.points()).isEqualByComparingTo("0");
        assertThat(pricing.reason()).contains("opted out of behavioural tracking");
        assertThat(card.score()).isEqualByComparingTo("65");
    }

    @Test
    void hitsAlwaysAddUpToTheScoreAndTheBreakdown() {
        java.util.Random random = new java.util.Random(42);
        String[] types = {"Pricing Page Viewed", "Email Opened", "Demo Attended", "Blog Post Read", "Product Viewed",
                "Checkout Started", "Comparison Guide Downloaded", "Page Viewed", "Careers Page Viewed"};
        for (int i = 0; i < 300; i++) {
            LeadBuilder b = random.nextBoolean() ? idealBuyer("p-" + i) : lead("p-" + i).employees(random.nextInt(400));
            for (int e = 0; e < 20; e++) {
                b.event(types[random.nextInt(types.length)], random.nextDouble() * 400);
            }
            ScoreCard card = score(b);
            BigDecimal sum = card.hits().stream().map(RuleHit::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("lead %s", card.leadId()).isEqualByComparingTo(card.score());
            assertThat(card.breakdown().total()).isEqualByComparingTo(card.score());
        }
    }
}
