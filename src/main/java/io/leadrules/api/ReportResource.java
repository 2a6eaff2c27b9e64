package io.leadrules.api;

import io.leadrules.report.ReportPages;
import io.leadrules.report.RuleHitCsv;
import io.leadrules.report.RuleHitQuery;
import io.leadrules.report.RuleHitReport;
import io.leadrules.report.RuleHitReportService;
import io.leadrules.store.InvalidQueryException;
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
 * Accept header (for download links).
 */
@Path("/reports")
public class ReportResource {

    private final RuleHitReportService reports;
    private final ReportPages pages;

    public ReportResource(RuleHitReportService reports, ReportPages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @GET
    @Path("/rule-hits")
    @Produces({MediaType.APPLICATION_JSON, Negotiation.TEXT_CSV, MediaType.TEXT_HTML})
    public Response ruleHits(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("version") String version, @QueryParam("segment") String segment,
                             @QueryParam("format") String format, @Context HttpHeaders headers) {
        RuleHitReport report = reports.report(RuleHitQuery.parse(from, to, version, segment));
        List<MediaType> wanted = format == null || format.isBlank() ? headers.getAcceptableMediaTypes()
                : List.of(switch (format) {
                    case "csv" -> Negotiation.TEXT_CSV_TYPE;
                    case "html" -> MediaType.TEXT_HTML_TYPE;
                    case "json" -> MediaType.APPLICATION_JSON_TYPE;
                    default -> throw new InvalidQueryException("format", "format must be json, csv or html; got \""
                            + format + "\"");
                });
        MediaType chosen = Negotiation.choose(wanted, MediaType.APPLICATION_JSON_TYPE, Negotiation.TEXT_CSV_TYPE,
                MediaType.TEXT_HTML_TYPE);
        if (chosen.equals(Negotiation.TEXT_CSV_TYPE)) {
            return Response.ok(RuleHitCsv.write(report), Negotiation.TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"rule-hits.csv\"").build();
        }
        if (chosen.equals(MediaType.TEXT_HTML_TYPE)) {
            return Response.ok(pages.ruleHits(report), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/rule-hits.html")
    @Produces(MediaType.TEXT_HTML)
    public String ruleHitsPage(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("version") String version, @QueryParam("segment") String segment) {
        return pages.ruleHits(reports.report(RuleHitQuery.parse(from, to, version, segment)));
    }
}
