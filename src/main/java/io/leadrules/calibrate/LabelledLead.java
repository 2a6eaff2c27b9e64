package io.leadrules.calibrate;

import io.leadrules.model.Event;
import io.leadrules.model.Lead;

import java.time.Instant;
import java.util.List;

/**
 * A lead with its events and how it ended: the unit of a backtest.
 *
 * @param won true = closed-won, false = lost, null = no outcome yet (scored, but left out of every figure)
 * @param closedAt when the outcome was recorded; optional, used by drift checks
 */
public record LabelledLead(Lead lead, List<Event> events, Boolean won, Instant closedAt) {

    public LabelledLead {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public boolean labelled() {
        return won != null;
    }
}
