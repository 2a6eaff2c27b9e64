package io.leadrules.report;

import io.leadrules.model.Breakdown;
import io.leadrules.model.Points;
import io.leadrules.model.RuleHit;
import io.leadrules.store.DecisionRuleRepository;
import io.leadrules.store.DecisionRepository;
import io.leadrules.store.LeadSegmentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores the hand-computed decisions of {@code src/test/resources/reports/hand-decisions.csv} through the same
 * repositories the rescoring path writes with (decision, hit rows, segment fields), for leads of one batch:
 * each lead carries {@code attributes.batch = <batch>}, so a report filtered by that segment sees only them.
 */
final class HandDecisions {

    private HandDecisions() {
    }

    /** Stores the decisions at {@code at} (a lead's later decisions a minute apart); returns lead ids by letter. */
    static Map<String, String> store(String batch, Instant at, String version, DecisionRepository decisions,
                                     DecisionRuleRepository rules, LeadSegmentRepository segments) {
        Map<String, List<RuleHit>> byDecision = read();
        Map<String, String> leads = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> byDecision.forEach((key, decisionHits) -> {
            String letter = key.split("/")[0];
            int number = Integer.parseInt(key.split("/")[1]);
            String leadId = batch + "-" + letter;
            leads.put(letter, leadId);
            Instant decidedAt = at.plus(Duration.ofMinutes(number));
            Breakdown breakdown = Breakdown.of(decisionHits);
            BigDecimal score = breakdown.total();
            boolean mql = score.compareTo(BigDecimal.valueOf(70)) >= 0;
            long id = decisions.insert(leadId, decidedAt, score, mql, version, "event", batch + "-" + key, "Test",
                    null, breakdown, decisionHits);
            rules.replaceLatest(rules.record(new DecisionRuleRepository.Decision(id, leadId, decidedAt, version, score,
                    mql), decisionHits, Map.of()), true);
            segments.replace(leadId, Map.of("attributes.batch", batch, "industry", "Apparel"));
        }));
        return leads;
    }

    private static Map<String, List<RuleHit>> read() {
        Map<String, List<RuleHit>> byDecision = new LinkedHashMap<>();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(HandDecisions.class.getResourceAsStream(
                "/reports/hand-decisions.csv")), StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .get();
            for (CSVRecord r : format.parse(in)) {
                String appliesTo = r.get("appliesTo").isBlank() ? null : r.get("appliesTo");
                byDecision.computeIfAbsent(r.get("lead") + "/" + r.get("decision"), k -> new ArrayList<>())
                        .add(new RuleHit(r.get("rule"), r.get("category"), Points.of(new BigDecimal(r.get("points"))),
                                "hand-computed", null, List.of(), null, 0, appliesTo));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byDecision;
    }
}
