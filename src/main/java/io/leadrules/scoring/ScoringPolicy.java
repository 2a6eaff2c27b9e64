package io.leadrules.scoring;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The engine settings that are not rules: the MQL threshold and minimums, the loop guard and the caps.
 *
 * @param categoryCaps most points (absolute value) per category label, e.g. {@code intent -> 60}
 */
public record ScoringPolicy(BigDecimal threshold, int maxFires, Map<String, BigDecimal> categoryCaps,
                            Optional<BigDecimal> totalCap, MqlMinimums minimums) {

    public ScoringPolicy {
        categoryCaps = Map.copyOf(categoryCaps);
    }

    /** No fit or intent minimum. */
    public ScoringPolicy(BigDecimal threshold, int maxFires, Map<String, BigDecimal> categoryCaps,
                         Optional<BigDecimal> totalCap) {
        this(threshold, maxFires, categoryCaps, totalCap, MqlMinimums.NONE);
    }


}
