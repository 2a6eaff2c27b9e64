package io.leadrules.limits;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A candidate ruleset sent to be validated, previewed or backtested is compiled on the spot: its number of files
 * and their size bound how long that takes, so both are capped before anything is compiled.
 */
@ApplicationScoped
public class CandidateLimits {

    private final LimitsConfig config;

    public CandidateLimits(LimitsConfig config) {
        this.config = config;
    }

    /** @param contents the text of each DRL file; null (no candidate: the live or folder rules) passes */
    public void check(List<String> contents) {
        if (contents == null) {
            return;
        }
        if (contents.size() > config.candidateMaxFiles()) {
            throw new LimitExceededException("files", "The candidate ruleset has " + contents.size() + " files; the"
                    + " limit is " + config.candidateMaxFiles() + " (config leadrules.limits.candidate-max-files)");
        }
        long bytes = 0;
        for (String content : contents) {
            bytes += content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > config.candidateMaxBytes()) {
            throw new LimitExceededException("files", "The candidate ruleset's files hold " + bytes + " bytes; the"
                    + " limit is " + config.candidateMaxBytes() + " (config leadrules.limits.candidate-max-bytes)");
        }
    }
}
