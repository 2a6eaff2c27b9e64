package io.leadrules.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTML pages of the reports, from the Qute templates in {@code src/main/resources/templates/}. Tables are
 * rendered on the server; the charts (Chart.js, bundled at build time under {@code /vendor/}) draw from the same
 * report embedded as JSON, so the page and the JSON endpoint show the same numbers.
 */
@ApplicationScoped
@TemplateData(target = RuleHitReport.class)
@TemplateData(target = RuleHitReport.Filter.class)
@TemplateData(target = RuleHitReport.RuleStats.class)
@TemplateData(target = RuleHitReport.DeadRule.class)
@TemplateData(target = RuleHitReport.Pair.class)
@TemplateData(target = RuleHitReport.CategoryTotal.class)
@TemplateData(target = RuleHitReport.Bucket.class)
@TemplateData(target = LeadExplanation.class)
@TemplateData(target = LeadExplanation.Live.class)
@TemplateData(target = LeadExplanation.Hit.class)
@TemplateData(target = LeadExplanation.StoredDecision.class)
@TemplateData(target = LeadExplanation.Nearest.class)
@TemplateData(target = LeadExplanation.Candidate.class)
@TemplateData(target = LeadExplanation.TimelinePoint.class)
@TemplateData(target = Waterfall.class)
@TemplateData(target = Waterfall.Step.class)
@TemplateData(target = ReportPages.SourceLine.class)
public class ReportPages {

    /** One numbered line of a DRL file; {@code marked} when it belongs to the rule asked for. */
    public record SourceLine(int number, String text, boolean marked) {
    }

    private final Template ruleHits;
    private final Template explanation;
    private final Template ruleSource;
    private final ObjectMapper mapper;

    public ReportPages(@Location("reports/rule-hits.html") Template ruleHits,
                       @Location("reports/explanation.html") Template explanation,
                       @Location("reports/rule-source.html") Template ruleSource, ObjectMapper mapper) {
        this.ruleHits = ruleHits;
        this.explanation = explanation;
        this.ruleSource = ruleSource;
        this.mapper = mapper;
    }

    public String ruleHits(RuleHitReport report) {
        return ruleHits.data("report", report).data("json", json(report)).render();
    }

    public String explanation(LeadExplanation lead) {
        return explanation.data("lead", lead).data("json", json(lead)).render();
    }

    public String source(String file, String version, List<String> lines, int from, int to) {
        List<SourceLine> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            numbered.add(new SourceLine(n, lines.get(i), n >= from && n <= to));
        }
        return ruleSource.data("file", file).data("version", version).data("lines", numbered).render();
    }

    /** JSON safe inside a {@code <script type="application/json">} element. */
    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the page data as JSON", e);
        }
    }
}
