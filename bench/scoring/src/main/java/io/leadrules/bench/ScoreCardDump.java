package io.leadrules.bench;

import io.leadrules.bench.LeadPopulation.Sample;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Writes every score card of the benchmark population (score, breakdown, each hit with its points, reason and
 * events) to a text file, one line per hit. Diffing two dumps shows that an engine optimisation changed no result:
 * {@code java -cp bench/scoring/target/benchmarks.jar io.leadrules.bench.ScoreCardDump before.txt}.
 */
public final class ScoreCardDump {

    private ScoreCardDump() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "scorecards.txt");
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC(), 2)
                .compile(RulesetCompiler.readFolder(ScoringBenchmark.rulesDir()), "dump");
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 10_000, Map.of(),
                Optional.of(new BigDecimal("100"))));
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            for (Sample sample : LeadPopulation.generate(ScoringBenchmark.LEADS, ScoringBenchmark.EVENTS_PER_LEAD,
                    ScoringBenchmark.SEED)) {
                ScoreCard card = scorer.score(ruleset, sample.lead(), sample.events(), LeadPopulation.AS_OF);
                writer.println(card.leadId() + " score=" + card.score() + " mql=" + card.mql() + " " + card.breakdown());
                for (RuleHit hit : card.hits()) {
                    writer.println("  " + hit);
                }
            }
        } finally {
            ruleset.release();
        }
        System.out.println("Wrote " + out.toAbsolutePath());
    }
}
