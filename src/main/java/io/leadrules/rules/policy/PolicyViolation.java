package io.leadrules.rules.policy;

/**
 * One thing in a DRL file that the strict policy does not allow (or that could not be parsed, so could not be
 * checked), located like a compiler error: 1-based line and column.
 */
public record PolicyViolation(int line, int column, String message) {
}
