package io.leadrules.calibrate;

import java.util.List;

/** Outcomes for leads Leadrules has never seen (or has erased): the batch is refused, nothing is stored. */
public class UnknownLeadsException extends RuntimeException {

    /** An outcome naming an unknown lead, with its 1-based position in the batch. */
    public record UnknownLead(int record, String leadId) {
    }

    /** Enough to find the mistake; the message still counts them all. */
    static final int MAX_LISTED = 100;

    private final List<UnknownLead> unknown;

    public UnknownLeadsException(List<UnknownLead> unknown) {
        super(unknown.size() + " outcome(s) name a lead that is not stored: " + unknown.stream().limit(10)
                .map(u -> "\"" + u.leadId() + "\"").toList() + (unknown.size() > 10 ? " and more" : "")
                + ". Outcomes are kept with the leads: send the lead's events or traits first (POST /v1/batch)");
        this.unknown = List.copyOf(unknown.subList(0, Math.min(unknown.size(), MAX_LISTED)));
    }

    /** The first {@value #MAX_LISTED} unknown leads, in batch order. */
    public List<UnknownLead> unknown() {
        return unknown;
    }
}
