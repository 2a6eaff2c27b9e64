package io.leadrules.batch;

import io.leadrules.model.Breakdown;
import io.leadrules.model.ScoreCard;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * CSV out, one row per input line: the figures a CRM import takes, and {@code error} (with the line number) for a
 * line that could not be scored.
 */
public class CsvOutput implements BatchOutput {

    static final String[] HEADER = {"leadId", "score", "fit", "intent", "negative", "disqualify", "decay", "cap",
            "mql", "disqualified", "topRules", "rulesetVersion", "error"};

    private final CSVPrinter csv;

    public CsvOutput(OutputStream out) throws IOException {
        this.csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
    }

    @Override
    public void card(long line, ScoreCard card) throws IOException {
        Breakdown b = card.breakdown();
        csv.printRecord(card.leadId(), card.score().toPlainString(), b.fit().toPlainString(), b.intent().toPlainString(),
                b.negative().toPlainString(), b.disqualify().toPlainString(), b.decay().toPlainString(),
                b.cap().toPlainString(), card.mql(), !card.disqualifiedBy().isEmpty(),
                String.join("; ", CardSummary.topRules(card)), card.ruleset().version(), "");
    }

    @Override
    public void problem(long line, String field, String message) throws IOException {
        csv.printRecord("", "", "", "", "", "", "", "", "", "", "", "",
                "line " + line + (field == null ? "" : " (" + field + ")") + ": " + message);
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }
}
