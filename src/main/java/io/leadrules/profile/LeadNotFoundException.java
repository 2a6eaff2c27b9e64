package io.leadrules.profile;

/** No profile with that id (never seen, or erased). */
public class LeadNotFoundException extends RuntimeException {

    private final String leadId;

    public LeadNotFoundException(String leadId) {
        super("No lead with id \"" + leadId + "\"");
        this.leadId = leadId;
    }

    public String leadId() {
        return leadId;
    }
}
