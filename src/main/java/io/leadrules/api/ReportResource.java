package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.limits.HeavyCall;
import io.leadrules.report.ReportPages;
import io.leadrules.report.RuleHitCsv;
import io.leadrules.report.RuleHitQuery;
import io.leadrules.report.RuleHitReport;
import io.leadrules.report.RuleHitReportService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The rule-hit report: JSON by default, CSV with {@code Accept: text/csv}, HTML with {@code Accept: text/html} or
 * at {@code /reports/rule-hits.html} (the URL to open in a browser); {@code format=json|csv|html} overrides the
 * Accept header (for download links). The CSV holds one table: {@code table=rules} (default), {@code pairs},
 * {@code categories}, {@code distribution} or {@code summary}; also at {@code /reports/rule-hits.csv}.
 */
@Path("/reports")
@RolesAllowed(Roles.READ)
public class ReportResource {

    private final RuleHitReportService reports;
    private final ReportPages pages;

    public ReportResource(RuleHitReportService reports, ReportPages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @GET
    @Path("/rule-hits")
    @HeavyCall
    @Produces({MediaType.APPLICATION_JSON, Negotiation.TEXT_CSV, Negotiation.APPLICATION_CSV, MediaType.TEXT_HTML})
    public Response ruleHits(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("version") String version, @QueryParam("segment") String segment,
                             @QueryParam("format") String format, @QueryParam("table") String table,
                             @Context HttpHeaders headers) {
        RuleHitCsv.Table csvTable = RuleHitCsv.Table.of(table);
        RuleHitReport report = reports.report(RuleHitQuery.parse(from, to, version, segment));
        List<MediaType> wanted = format == null || format.isBlank()
                ? Negotiation.csvAsText(headers.getAcceptableMediaTypes()) : List.of(Negotiation.ofFormat(format));
        MediaType chosen = Negotiation.choose(wanted, MediaType.APPLICATION_JSON_TYPE, Negotiation.TEXT_CSV_TYPE,
                MediaType.TEXT_HTML_TYPE);
        if (chosen.equals(Negotiation.TEXT_CSV_TYPE)) {
            return csv(report, csvTable);
        }
        if (chosen.equals(MediaType.TEXT_HTML_TYPE)) {
            return Response.ok(pages.ruleHits(report), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The CSV download, whatever the Accept header (no {@code @Produces}, as for the .html page): {@code table=}
     * picks the table (default: one row per rule).
     */
    @GET
    @Path("/rule-hits.csv")
    @HeavyCall
    public Response ruleHitsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("version") String version, @QueryParam("segment") String segment,
                                @QueryParam("table") String table) {
        RuleHitCsv.Table csvTable = RuleHitCsv.Table.of(table);
        return csv(reports.report(RuleHitQuery.parse(from, to, version, segment)), csvTable);
    }

    private static Response csv(RuleHitReport report, RuleHitCsv.Table table) {
        return Response.ok(RuleHitCsv.write(report, table), Negotiation.TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + table.fileName() + "\"").build();
    }

    @GET
    @Path("/rule-hits.html")
    @HeavyCall
    public Response ruleHitsPage(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("version") String version, @QueryParam("segment") String segment) {
        return Response.ok(pages.ruleHits(reports.report(RuleHitQuery.parse(from, to, version, segment))),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
