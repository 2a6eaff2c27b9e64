package io.leadrules.batch;

import io.leadrules.model.ScoreCard;

import java.io.IOException;

/** Where a batch's answers go, one per input line, in input order. */
public interface BatchOutput {

    void card(long line, ScoreCard card) throws IOException;

    void problem(long line, String field, String message) throws IOException;

    void flush() throws IOException;
}
