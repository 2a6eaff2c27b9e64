package io.leadrules.rules;

/** One scenario test file: its path relative to the rules folder ("tests/hot-buyer.yaml") and its YAML text. */
public record ScenarioFile(String path, String content) {
}
