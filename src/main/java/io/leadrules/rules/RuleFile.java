package io.leadrules.rules;

/** One DRL file of a ruleset: its path relative to the rules folder ("fit.drl") and its text. */
public record RuleFile(String path, String content) {
}
