package io.leadrules.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The rule-hit report as CSV: one row per rule, fired or dead (zero counts, {@code dead} = true), with the columns
 * of the JSON report's {@code rules}.
 */
public final class RuleHitCsv {

    static final String[] HEADER = {"rule", "category", "file", "line", "leads", "share", "fires", "points",
            "net_points", "average_points_per_lead", "decisive", "decisive_share", "dead"};

    private RuleHitCsv() {
    }

    public static String write(RuleHitReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (RuleHitReport.RuleStats r : report.rules()) {
                csv.printRecord(r.rule(), r.category(), r.file(), r.line(), r.leads(), r.share(), r.fires(),
                        r.points().toPlainString(), r.netPoints().toPlainString(),
                        r.averagePointsPerLead().toPlainString(), r.decisive(), r.decisiveShare(), false);
            }
            if (report.deadRules() != null) {
                for (RuleHitReport.DeadRule d : report.deadRules()) {
                    csv.printRecord(d.rule(), d.category(), d.file(), d.line(), 0, 0, 0, 0, 0, 0, 0, 0, true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
