package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.report.ReportPages;
import io.leadrules.report.RuleSource;
import io.leadrules.store.InvalidQueryException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A DRL file of the active ruleset (or of a stored {@code version}) as a page with line anchors ({@code #L12});
 * {@code from}/{@code to} highlight a rule's lines. The reports link each rule here:
 * {@code /rules/source?file=fit.drl&from=11&to=18#L11}, with {@code &version=} for a report on another version.
 */
@Path("/rules/source")
@RolesAllowed(Roles.READ)
public class RuleSourceResource {

    private final RuleSource source;
    private final ReportPages pages;

    public RuleSourceResource(RuleSource source, ReportPages pages) {
        this.source = source;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@QueryParam("file") String file, @QueryParam("version") String version,
                       @QueryParam("from") String from, @QueryParam("to") String to) {
        if (file == null || file.isBlank()) {
            throw new InvalidQueryException("file", "file is required: the DRL file to show, e.g. file=fit.drl");
        }
        String path = file;
        String shown = source.version(version);
        return pages.source(path, shown, source.isActive(shown), source.lines(path, shown), line("from", from),
                line("to", to));
    }

    /** A line number to highlight from; absent: none. */
    private static int line(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(name, name + "=" + value + " is not a line number");
        }
    }
}
