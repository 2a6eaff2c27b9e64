package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.model.ScoreCard;
import io.leadrules.report.RuleHitMetrics;
import io.leadrules.scoring.ScoringEngine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.util.List;

/** {@code POST /score}: an explained score for a lead and its events, computed now and stored nowhere. */
@Path("/score")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SCORE)
public class ScoreResource {

    private final ScoringEngine engine;
    private final Clock clock;
    private final RuleHitMetrics metrics;

    public ScoreResource(ScoringEngine engine, Clock clock, RuleHitMetrics metrics) {
        this.engine = engine;
        this.clock = clock;
        this.metrics = metrics;
    }

    @POST
    public ScoreCard score(@NotNull(message = "is required: send a JSON object") @Valid ScoreRequest request) {
        ScoreCard card = engine.score(toLead(request.lead()), toEvents(request.events()),
                request.asOf() != null ? request.asOf() : clock.instant());
        metrics.scored(card);
        return card;
    }

    static Lead toLead(ScoreRequest.LeadInput in) {
        Lead lead = new Lead(in.id());
        lead.setEmail(in.email());
        lead.setEmailDomain(in.emailDomain());
        lead.setJobTitle(in.jobTitle());
        lead.setIndustry(in.industry());
        lead.setEmployees(in.employees());
        lead.setGmv(in.gmv());
        lead.setCountry(in.country());
        lead.setRegion(in.region());
        lead.setUnsubscribed(Boolean.TRUE.equals(in.unsubscribed()));
        lead.setTrackingOptOut(Boolean.TRUE.equals(in.trackingOptOut()));
        lead.setAttributes(in.attributes());
        return lead;
    }

    static List<Event> toEvents(List<ScoreRequest.EventInput> in) {
        if (in == null) {
            return List.of();
        }
        return in.stream().map(e -> new Event(e.id(), e.type(), e.timestamp(), e.properties())).toList();
    }
}
