package io.leadrules.report;

import io.leadrules.store.InvalidQueryException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The rule-hit report as CSV, one table per download (a CSV file holds one table): {@code rules} (the default: one
 * row per rule, fired or dead with zero counts and {@code dead} = true, the columns of the JSON report's
 * {@code rules}), {@code pairs}, {@code categories}, {@code distribution} (score buckets) and {@code summary}
 * (leads, MQLs, average score, the filter).
 */
public final class RuleHitCsv {

    /** The tables there are, for {@code table=}. */
    public enum Table {
        RULES("rule", "category", "file", "line", "leads", "share", "fires", "points", "net_points",
                "average_points_per_lead", "decisive", "decisive_share", "dead"),
        PAIRS("first", "second", "together", "first_leads", "second_leads", "share"),
        CATEGORIES("category", "leads", "hits", "points"),
        DISTRIBUTION("from", "to", "leads"),
        SUMMARY("leads", "mqls", "mql_share", "average_score", "threshold", "catalog_version", "from", "to", "version",
                "segment", "generated_at");

        private final String[] header;

        Table(String... header) {
            this.header = header;
        }

        public static Table of(String name) {
            if (name == null || name.isBlank()) {
                return RULES;
            }
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("table", "table must be rules, pairs, categories, distribution or"
                        + " summary; got \"" + name + "\"");
            }
        }

        public String fileName() {
            return "rule-hits" + (this == RULES ? "" : "-" + name().toLowerCase(Locale.ROOT)) + ".csv";
        }
    }

    private RuleHitCsv() {
    }

    public static String write(RuleHitReport report, Table table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(table.header).get())) {
            switch (table) {
                case RULES -> rules(report, csv);
                case PAIRS -> pairs(report, csv);
                case CATEGORIES -> categories(report, csv);
                case DISTRIBUTION -> distribution(report, csv);
                case SUMMARY -> summary(report, csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void rules(RuleHitReport report, CSVPrinter csv) throws IOException {
        for (RuleHitReport.RuleStats r : report.rules()) {
            csv.printRecord(r.rule(), r.category(), r.file(), r.line(), r.leads(), r.share(), r.fires(),
                    plain(r.points()), plain(r.netPoints()), plain(r.averagePointsPerLead()), r.decisive(),
                    r.decisiveShare(), false);
        }
        if (report.deadRules() != null) {
            for (RuleHitReport.DeadRule d : report.deadRules()) {
                csv.printRecord(d.rule(), d.category(), d.file(), d.line(), 0, 0, 0, 0, 0, 0, 0, 0, true);
            }
        }
    }

    private static void pairs(RuleHitReport report, CSVPrinter csv) throws IOException {
        for (RuleHitReport.Pair p : report.pairs()) {
            csv.printRecord(p.first(), p.second(), p.together(), p.firstLeads(), p.secondLeads(), p.share());
        }
    }

    private static void categories(RuleHitReport report, CSVPrinter csv) throws IOException {
        for (RuleHitReport.CategoryTotal c : report.categories()) {
            csv.printRecord(c.category(), c.leads(), c.hits(), plain(c.points()));
        }
    }

    private static void distribution(RuleHitReport report, CSVPrinter csv) throws IOException {
        for (RuleHitReport.Bucket b : report.scoreDistribution()) {
            csv.printRecord(plain(b.from()), plain(b.to()), b.leads());
        }
    }

    private static void summary(RuleHitReport report, CSVPrinter csv) throws IOException {
        RuleHitReport.Filter f = report.filter();
        csv.printRecord(report.leads(), report.mqls(), plain(report.mqlShare()), plain(report.averageScore()),
                plain(report.threshold()), report.catalogVersion(), f.from(), f.to(), f.version(), f.segment(),
                report.generatedAt());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
