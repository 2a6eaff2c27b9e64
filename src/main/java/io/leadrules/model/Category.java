package io.leadrules.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of points a rule can give; {@code CAP} is the adjustment made when a cap trims points. A
 * {@code DISQUALIFY} rule vetoes MQL whatever the score (its points, usually none or negative, still count).
 */
public enum Category {
    FIT, INTENT, NEGATIVE, DISQUALIFY, DECAY, CAP;

    // Computed once: label() is called for every hit while scoring.
    private final String label = name().toLowerCase(Locale.ROOT);

    /** The name used in DRL metadata and JSON: {@code @category("fit")}. */
    public String label() {
        return label;
    }

    /** The categories a rule may declare ({@code cap} is the engine's own). */
    public static Optional<Category> ofRuleLabel(String label) {
        for (Category c : values()) {
            if (c != CAP && c.label().equals(label)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
