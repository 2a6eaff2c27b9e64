package io.leadrules.api;

import io.leadrules.report.ExplanationService;
import io.leadrules.report.LeadExplanation;
import io.leadrules.report.ReportPages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Why a lead has its score: {@code GET /leads/{id}/explanation} (JSON, or HTML with {@code Accept: text/html})
 * and the page {@code /leads/{id}/explanation.html}.
 */
@Path("/leads/{id}/explanation")
public class ExplanationResource {

    private final ExplanationService explanations;
    private final ReportPages pages;

    public ExplanationResource(ExplanationService explanations, ReportPages pages) {
        this.explanations = explanations;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public LeadExplanation json(@PathParam("id") String id) {
        return explanations.explain(id);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String html(@PathParam("id") String id) {
        return pages.explanation(explanations.explain(id));
    }
}
