package io.leadrules.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrules.calibrate.PreviewReport;
import io.leadrules.rules.DrlProblem;
import io.leadrules.rules.RuleInfo;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
@TemplateData(target = PreviewReport.class)
@TemplateData(target = PreviewReport.Change.class)
@TemplateData(target = PreviewReport.ScoreShift.class)
@TemplateData(target = PreviewReport.Bucket.class)
@TemplateData(target = PreviewReport.RuleChange.class)
@TemplateData(target = ReportPages.PreviewError.class)
@TemplateData(target = DrlProblem.class)
public class ReportPages {

    /** One numbered line of a DRL file; {@code marked} when it belongs to the rule asked for. */
    public record SourceLine(int number, String text, boolean marked) {
    }

    /** Why a preview from the form could not run, shown above the form again; {@code problems} for bad DRL. */
    public record PreviewError(String title, String detail, List<DrlProblem> problems) {
    }

    private final Template ruleHits;
    private final Template explanation;
    private final Template ruleSource;
    private final Template preview;
    private final Template previewForm;
    private final RuleSource sources;
    private final ObjectMapper mapper;

    public ReportPages(@Location("reports/rule-hits.html") Template ruleHits,
                       @Location("reports/explanation.html") Template explanation,
                       @Location("reports/rule-source.html") Template ruleSource,
                       @Location("reports/preview.html") Template preview,
                       @Location("reports/preview-form.html") Template previewForm,
                       RuleSource sources, ObjectMapper mapper) {
        this.ruleHits = ruleHits;
        this.explanation = explanation;
        this.ruleSource = ruleSource;
        this.preview = preview;
        this.previewForm = previewForm;
        this.sources = sources;
        this.mapper = mapper;
    }

    public String ruleHits(RuleHitReport report) {
        return ruleHits.data("report", report).data("json", json(report)).render();
    }

    public String explanation(LeadExplanation lead) {
        return explanation.data("lead", lead).data("json", json(lead)).render();
    }

    public String source(String file, String version, boolean active, List<String> lines, int from, int to) {
        List<SourceLine> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            numbered.add(new SourceLine(n, lines.get(i), n >= from && n <= to));
        }
        return ruleSource.data("file", file).data("version", version).data("active", active).data("lines", numbered)
                .render();
    }

    /**
     * The impact preview. Rules of the live ruleset link to their DRL lines while it is still the active one (the
     * source page shows only active files); rules only the candidate has are not linked.
     */
    public String preview(PreviewReport report) {
        Map<String, String> links = new HashMap<>();
        sources.rulesOf(report.liveVersion()).forEach((name, rule) -> links.put(name, sourceLink(rule)));
        return preview.data("report", report).data("links", links).data("json", json(report)).render();
    }

    /** The form that runs a preview from a browser; {@code error} (or null) is why the last submission failed. */
    public String previewForm(PreviewError error) {
        return previewForm.data("rulesDir", sources.rulesDir().toString()).data("error", error).render();
    }

    private static String sourceLink(RuleInfo rule) {
        return "/rules/source?file=" + URLEncoder.encode(rule.file(), StandardCharsets.UTF_8) + "&from=" + rule.line()
                + "&to=" + rule.endLine() + "#L" + rule.line();
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
