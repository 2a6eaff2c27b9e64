package io.leadrules.scoring;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Fit and intent minimums ({@code leadrules.mql.min-fit}, {@code leadrules.mql.min-intent}): an MQL is fit and intent
 * together, so a lead that reaches the threshold on one alone is not one. Unset means no minimum.
 */
public record MqlMinimums(Optional<BigDecimal> fit, Optional<BigDecimal> intent) {

    public static final MqlMinimums NONE = new MqlMinimums(Optional.empty(), Optional.empty());
}
