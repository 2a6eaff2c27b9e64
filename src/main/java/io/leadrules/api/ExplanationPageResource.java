package io.leadrules.api;

import io.leadrules.report.ExplanationService;
import io.leadrules.report.ReportPages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The explanation page at a URL a browser can open as is: {@code /leads/{id}/explanation.html}. */
@Path("/leads/{id}/explanation.html")
public class ExplanationPageResource {

    private final ExplanationService explanations;
    private final ReportPages pages;

    public ExplanationPageResource(ExplanationService explanations, ReportPages pages) {
        this.explanations = explanations;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@PathParam("id") String id) {
        return pages.explanation(explanations.explain(id));
    }
}
