package io.leadrules.api;

import io.leadrules.report.ReportPages;
import io.leadrules.report.RuleSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A DRL file of the active ruleset as a page with line anchors ({@code #L12}); {@code from}/{@code to} highlight a
 * rule's lines. The reports link each rule here: {@code /rules/source?file=fit.drl&from=11&to=18#L11}.
 */
@Path("/rules/source")
public class RuleSourceResource {

    private final RuleSource source;
    private final ReportPages pages;

    public RuleSourceResource(RuleSource source, ReportPages pages) {
        this.source = source;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@QueryParam("file") String file, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        String path = file == null ? "" : file;
        return pages.source(path, source.version(), source.lines(path), from == null ? 0 : from, to == null ? 0 : to);
    }
}
