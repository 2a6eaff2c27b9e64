package io.leadrules.calibrate;

import java.time.Instant;

/** A recorded outcome as submitted: the lead, won or lost, and when the deal closed. */
public record Outcome(String leadId, boolean won, Instant closedAt) {

    public static final String WON = "won";
    public static final String LOST = "lost";

    public String outcome() {
        return won ? WON : LOST;
    }
}
