package io.leadrules.rules;

/** A ruleset version was asked for that was never activated here (or whose files were removed). */
public class RulesetVersionNotFoundException extends RuntimeException {

    private final String version;

    public RulesetVersionNotFoundException(String version) {
        super("No stored ruleset version \"" + version + "\"; GET /rules/versions lists them");
        this.version = version;
    }

    public String version() {
        return version;
    }
}
