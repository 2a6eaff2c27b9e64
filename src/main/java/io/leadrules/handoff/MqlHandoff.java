package io.leadrules.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrules.model.ScoreCard;
import io.leadrules.store.OutboxRepository;
import io.leadrules.store.TransitionRepository;
import io.leadrules.store.TransitionRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides when a lead enters or leaves MQL and records it: a transition row, and when the deployment has a webhook an
 * outbox row in the same transaction, so a recorded transition is always delivered (at least once). Whether to queue
 * is {@code leadrules.mql.webhook.queue}, by default whether this replica knows the url: so a replica that records
 * transitions but leaves sending to others (or does not know where to) can still queue them.
 * With a hysteresis band a lead enters at {@code score >= threshold} and leaves only below
 * {@code threshold - hysteresis}, so a score wobbling at the line does not flap.
 */
@ApplicationScoped
public class MqlHandoff {

    public static final String ENTERED = "entered";
    public static final String LEFT = "left";

    private final HandoffConfig config;
    private final TransitionRepository transitions;
    private final OutboxRepository outbox;
    private final ObjectMapper mapper;
    private final boolean queue;

    public MqlHandoff(HandoffConfig config, TransitionRepository transitions, OutboxRepository outbox,
                      ObjectMapper mapper) {
        this.config = config;
        this.transitions = transitions;
        this.outbox = outbox;
        this.mapper = mapper;
        this.queue = config.webhook().queue().orElse(config.webhook().url().isPresent());
    }

    /**
     * Whether the lead is an MQL after this score, given whether it was one before: no disqualifier and every minimum
     * met (the card says), and the score at the line, which hysteresis lowers for a lead already MQL.
     */
    public boolean isMql(boolean wasMql, ScoreCard card) {
        return card.eligible() && isOverLine(wasMql, card.score(), card.threshold());
    }

    /** The score part of the rule alone, for callers that judged eligibility themselves. */
    public boolean isOverLine(boolean wasMql, BigDecimal score, BigDecimal threshold) {
        BigDecimal line = wasMql ? threshold.subtract(config.hysteresis()) : threshold;
        return score.compareTo(line) >= 0;
    }

    /** Records the transition (if the state changed) and queues its webhook; call inside the decision's transaction. */
    public void record(String leadId, boolean wasMql, boolean isMql, ScoreCard card, long decisionId, Instant at) {
        if (wasMql == isMql) {
            return;
        }
        TransitionRow t = transitions.insert(leadId, isMql ? ENTERED : LEFT, at, card.score(), card.threshold(),
                card.ruleset().version(), decisionId, card.disqualifiedBy());
        if (queue) {
            outbox.insert(leadId, t.id(), payload(t), at);
        }
    }

    private String payload(TransitionRow t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transitionId", t.id());
        body.put("leadId", t.leadId());
        body.put("direction", t.direction());
        body.put("at", t.at().toString());
        body.put("score", t.score());
        body.put("threshold", t.threshold());
        body.put("rulesetVersion", t.rulesetVersion());
        body.put("disqualifiedBy", t.disqualifiedBy());
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write webhook payload", e);
        }
    }
}
