package io.leadrules.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.leadrules.model.ScoreCard;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON lines out: a score card (full or summary) per input line, or an RFC 9457 problem naming the line and field.
 * Flushed every {@link #FLUSH_EVERY} answers so a client sees results while the batch runs.
 */
public class NdjsonOutput implements BatchOutput {

    private static final int FLUSH_EVERY = 100;

    private final OutputStream out;
    private final ObjectWriter json;
    private final boolean full;
    private int sinceFlush;

    public NdjsonOutput(OutputStream out, ObjectMapper mapper, boolean full) {
        this.out = out;
        this.json = mapper.writer();
        this.full = full;
    }

    @Override
    public void card(long line, ScoreCard card) throws IOException {
        writeLine(full ? card : CardSummary.of(card));
    }

    @Override
    public void problem(long line, String field, String message) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/invalid-line");
        problem.put("title", "Invalid line");
        problem.put("status", 400);
        problem.put("detail", "Line " + line + ": " + message);
        problem.put("line", line);
        if (field != null) {
            problem.put("field", field);
        }
        writeLine(problem);
    }

    private void writeLine(Object value) throws IOException {
        out.write(json.writeValueAsBytes(value));
        out.write('\n');
        if (++sinceFlush >= FLUSH_EVERY) {
            flush();
        }
    }

    @Override
    public void flush() throws IOException {
        sinceFlush = 0;
        out.flush();
    }
}
