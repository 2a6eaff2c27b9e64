package io.leadrules.report;

import io.leadrules.model.Breakdown;
import io.leadrules.model.RuleHit;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.store.DecisionRuleRepository;
import io.leadrules.store.DecisionRepository;
import io.leadrules.store.LeadSegmentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The rule-hit report against the hand-computed decisions of {@code reports/hand-decisions.csv} (threshold 70):
 * leads A 70 (MQL, exactly at the threshold), B 95 (MQL), C 65, D 78.75 (MQL; decayed and capped rules),
 * E 60, F 50 (its earlier decision, 35, does not count), G 80 (MQL; a capped rule that is not decisive).
 */
@QuarkusTest
@Tag("db")
class RuleHitReportTest {

    private static final Instant DAY = Instant.parse("2031-03-01T10:00:00Z");

    @Inject
    DecisionRepository decisions;
    @Inject
    DecisionRuleRepository rules;
    @Inject
    LeadSegmentRepository segments;
    @Inject
    ActiveRuleset active;

    private String batch;

    @BeforeEach
    void storeHandComputedDecisions() {
        batch = "hand-" + UUID.randomUUID();
        HandDecisions.store(batch, DAY, active.current().version(), decisions, rules, segments);
    }

    private JsonPath report() {
        return given().queryParam("from", "2031-03-01").queryParam("to", "2031-03-01")
                .queryParam("segment", "attributes.batch:" + batch)
                .get("/reports/rule-hits").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }

    private static Map<String, Object> rule(JsonPath report, String name) {
        return report.getMap("rules.find { it.rule == '" + name.replace("'", "\\'") + "' }");
    }

    @Test
    void countsEachLeadOnceByItsLatestDecision() {
        JsonPath report = report();
        assertThat(report.getLong("leads")).isEqualTo(7);
        assertThat(report.getLong("mqls")).isEqualTo(4);
        assertThat(report.getDouble("mqlShare")).isEqualTo(0.5714);
        assertThat(report.getDouble("averageScore")).isEqualTo(71.25);
        assertThat(report.getDouble("threshold")).isEqualTo(70);
    }

    @Test
    void perRuleFiguresMatchTheHandComputedOnes() {
        JsonPath report = report();
        Map<String, Object> title = rule(report, "Title: ideal buyer");
        assertThat(title).containsEntry("leads", 7).containsEntry("fires", 7).containsEntry("points", 140)
                .containsEntry("share", 1).containsEntry("decisive", 3).containsEntry("averagePointsPerLead", 20)
                .containsEntry("file", "fit.drl").containsEntry("category", "fit");
        Map<String, Object> demo = rule(report, "Demo requested");
        assertThat(demo).containsEntry("leads", 4).containsEntry("points", 80).containsEntry("share", 0.5714f)
                .containsEntry("decisive", 2);
        Map<String, Object> pricing = rule(report, "Pricing page in the last 7 days");
        assertThat(pricing).containsEntry("leads", 3).containsEntry("points", 75).containsEntry("netPoints", 68.75f)
                .containsEntry("decisive", 1);
        Map<String, Object> blog = rule(report, "Blog post read");
        assertThat(blog).containsEntry("leads", 2).containsEntry("fires", 12).containsEntry("points", 24)
                .containsEntry("netPoints", 20).containsEntry("averagePointsPerLead", 12);
        Map<String, Object> decay = rule(report, "Intent fades by a quarter per quarter");
        assertThat(decay).containsEntry("leads", 1).containsEntry("points", -6.25f).containsEntry("decisive", 0);
        assertThat(report.getList("rules.rule")).hasSize(8).doesNotContain("Cap on rule Blog post read");
    }

    @Test
    void aRuleIsDecisiveForALeadExactlyAtTheThreshold() {
        // A scores exactly 70: each of its four rules takes it below; B (95) has none decisive.
        JsonPath report = report();
        assertThat(rule(report, "GMV: $5M-$100M")).containsEntry("decisive", 3);
        assertThat(rule(report, "Industry: target vertical")).containsEntry("decisive", 3);
    }

    @Test
    void aNegativeRuleIsNeverDecisive() {
        assertThat(rule(report(), "Free email domain")).containsEntry("leads", 2).containsEntry("points", -20)
                .containsEntry("decisive", 0);
    }

    @Test
    void aCappedRuleIsDecisiveByItsPointsAfterTheCap() {
        // D: 78.75 - (12 - 2) = 68.75 < 70, decisive. G: 80 - (12 - 2) = 70, not below: not decisive, although
        // its 12 points before the cap would have been.
        assertThat(rule(report(), "Blog post read")).containsEntry("decisive", 1).containsEntry("decisiveShare", 0.5f);
    }

    @Test
    void pairsThatAlwaysFireTogetherAreListedWithTheirCounts() {
        JsonPath report = report();
        assertThat(report.getList("pairs")).hasSize(3);
        assertThat(report.getList("pairs.together")).containsOnly(7);
        assertThat(report.getList("pairs.share")).containsOnly(1);
        assertThat(report.getList("pairs.first")).contains("GMV: $5M-$100M", "Industry: target vertical");
    }

    @Test
    void aDecayRuleIsNoPartnerOfTheSignalsItAges() {
        String aged = "aged-" + UUID.randomUUID();
        RuleHit pricing = new RuleHit("Pricing page in the last 7 days", "intent", new BigDecimal("25"),
                "pricing", null, List.of(), null, 0, null);
        RuleHit decay = new RuleHit("Intent fades by a quarter per quarter", "decay", new BigDecimal("-6.25"),
                "aged", null, List.of(), null, 0, "Pricing page in the last 7 days");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 6; i++) {
                String lead = aged + "-" + i;
                List<RuleHit> hits = List.of(pricing, decay);
                BigDecimal score = new BigDecimal("18.75");
                long id = decisions.insert(lead, DAY, score, false, active.current().version(), "event", lead, "Test",
                        null, Breakdown.of(hits), hits);
                rules.replaceLatest(rules.record(new DecisionRuleRepository.Decision(id, lead, DAY,
                        active.current().version(), score, false), hits, Map.of()), true);
                segments.replace(lead, Map.of("attributes.batch", aged));
            }
        });
        JsonPath report = given().queryParam("segment", "attributes.batch:" + aged).get("/reports/rule-hits").then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getLong("leads")).isEqualTo(6);
        assertThat(report.getList("rules.rule")).contains("Intent fades by a quarter per quarter");
        assertThat(report.getList("pairs")).as("the decay rule fired with the pricing rule for all 6 leads").isEmpty();
    }

    @Test
    void categoryTotalsAndScoreDistribution() {
        JsonPath report = report();
        assertThat(report.getMap("categories.find { it.category == 'fit' }")).containsEntry("leads", 7)
                .containsEntry("hits", 21).containsEntry("points", 350);
        assertThat(report.getMap("categories.find { it.category == 'intent' }")).containsEntry("leads", 6)
                .containsEntry("hits", 19).containsEntry("points", 179);
        assertThat(report.getMap("categories.find { it.category == 'cap' }")).containsEntry("leads", 2)
                .containsEntry("points", -4);
        assertThat(report.getList("scoreDistribution.from")).containsExactly(50, 60, 70, 80, 90);
        assertThat(report.getList("scoreDistribution.leads")).containsExactly(1, 2, 2, 1, 1);
    }

    @Test
    void deadRulesAreTheActiveRulesThatFiredForNoLead() {
        JsonPath report = report();
        int catalog = active.current().catalog().rules().size();
        assertThat(report.getList("deadRules")).hasSize(catalog - 8);
        assertThat(report.getList("deadRules.rule")).contains("Country: core market")
                .doesNotContain("Title: ideal buyer");
        assertThat(report.getString("catalogVersion")).isEqualTo(active.current().version());
    }

    @Test
    void withoutAnEndDateTheLatestDecisionTablesGiveTheSameReport() {
        // report() has an end date (2031-03-02, exclusive), and a decision stored after it (another lead's, outside
        // this batch's segment) makes the report find each lead's latest decision in the audit trail, rather than
        // drop an end date that cuts nothing. Without an end date the report reads the tables of latest decisions
        // (V40); both must agree on every figure.
        String later = batch + "-later";
        QuarkusTransaction.requiringNew().run(() -> {
            decide(later, DAY.plus(java.time.Duration.ofDays(2)), active.current().version(), 20,
                    new RuleHit("Title: ideal buyer", "fit", BigDecimal.valueOf(20), "test", null, List.of(), null, 0,
                            null));
            segments.replace(later, Map.of("attributes.batch", later));
        });
        JsonPath latest = given().queryParam("from", "2031-03-01").queryParam("segment", "attributes.batch:" + batch)
                .get("/reports/rule-hits").then().statusCode(200).extract().jsonPath();
        JsonPath trail = report();
        for (String part : List.of("leads", "mqls", "averageScore", "rules", "deadRules", "pairs", "categories",
                "scoreDistribution")) {
            Object fromLatest = latest.get(part);
            assertThat(fromLatest).as(part).isEqualTo(trail.get(part));
        }
    }

    @Test
    void anEndDateCountsEachLeadsLatestDecisionBeforeIt() {
        // Every lead's decision 1 is at DAY + 1 min; F's decision 2 (the only one with GMV for F) at DAY + 2 min.
        JsonPath beforeF2 = given().queryParam("from", "2031-03-01").queryParam("to", DAY.plusSeconds(90).toString())
                .queryParam("segment", "attributes.batch:" + batch)
                .get("/reports/rule-hits").then().statusCode(200).extract().jsonPath();
        assertThat(beforeF2.getLong("leads")).isEqualTo(7);
        assertThat(rule(beforeF2, "GMV: $5M-$100M")).containsEntry("leads", 6);
        assertThat(rule(report(), "GMV: $5M-$100M")).containsEntry("leads", 7);
        JsonPath endAfterEverything = given().queryParam("from", "2031-03-01").queryParam("to", "2999-12-31")
                .queryParam("segment", "attributes.batch:" + batch)
                .get("/reports/rule-hits").then().statusCode(200).extract().jsonPath();
        assertThat(rule(endAfterEverything, "GMV: $5M-$100M")).containsEntry("leads", 7);
        assertThat(endAfterEverything.getDouble("averageScore")).isEqualTo(71.25);
    }

    @Test
    void aVersionFilterCountsEachLeadsLatestDecisionOfThatVersion() {
        // One lead: 80 points under an older version, then 40 under the active one.
        String lead = batch + "-versions";
        String older = "0ld0ld0ld0ld";
        QuarkusTransaction.requiringNew().run(() -> {
            decide(lead, DAY, older, 80, new RuleHit("Title: ideal buyer", "fit", BigDecimal.valueOf(80), "test",
                    null, List.of(), null, 0, null));
            decide(lead, DAY.plusSeconds(60), active.current().version(), 40, new RuleHit("Industry: target vertical",
                    "fit", BigDecimal.valueOf(40), "test", null, List.of(), null, 0, null));
            segments.replace(lead, Map.of("attributes.batch", batch + "-v"));
        });
        String segment = "attributes.batch:" + batch + "-v";
        for (String to : new String[]{null, "2031-03-02"}) {
            assertThat(versionReport(segment, older, to).getList("rules.rule")).as("to " + to)
                    .containsExactly("Title: ideal buyer");
            assertThat(versionReport(segment, older, to).getDouble("averageScore")).isEqualTo(80);
            assertThat(versionReport(segment, null, to).getList("rules.rule")).as("to " + to)
                    .containsExactly("Industry: target vertical");
            assertThat(versionReport(segment, null, to).getDouble("averageScore")).isEqualTo(40);
        }
        // The active version as people copy it: upper case, or the full content hash.
        String fullHash = given().get("/rules/versions").then().extract()
                .path("find { it.version == '" + active.current().version() + "' }.contentHash");
        for (String spelling : new String[]{active.current().version().toUpperCase(), fullHash}) {
            assertThat(versionReport(segment, spelling, null).getDouble("averageScore")).as(spelling).isEqualTo(40);
        }
    }

    @Test
    void theScoreDistributionShowsTheEmptyBucketsBetweenTheLowestAndHighest() {
        // Scores 15 and 52 (width 10): buckets 10-20 (1 lead), 20-30, 30-40, 40-50 (none), 50-60 (1 lead)
        String segment = batch + "-gaps";
        QuarkusTransaction.requiringNew().run(() -> {
            for (int score : new int[]{15, 52}) {
                String lead = segment + "-" + score;
                decide(lead, DAY, active.current().version(), score, new RuleHit("Title: ideal buyer", "fit",
                        BigDecimal.valueOf(score), "test", null, List.of(), null, 0, null));
                segments.replace(lead, Map.of("attributes.batch", segment));
            }
        });
        JsonPath report = given().queryParam("segment", "attributes.batch:" + segment).get("/reports/rule-hits")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("scoreDistribution.from")).containsExactly(10, 20, 30, 40, 50);
        assertThat(report.getList("scoreDistribution.to")).containsExactly(20, 30, 40, 50, 60);
        assertThat(report.getList("scoreDistribution.leads")).containsExactly(1, 0, 0, 0, 1);
    }

    @Test
    void thePairsTableLabelsEachRulesLeadsForWhatTheyAre() {
        String html = given().get("/reports/rule-hits.html?segment=attributes.batch:" + batch).then().statusCode(200)
                .extract().asString();
        assertThat(html).doesNotContain("First alone").doesNotContain("Second alone")
                .contains(">Rule's leads</th>").contains(">And rule's leads</th>");
        // GMV and Industry fire for all 7 leads, together for 7: each rule's leads are 7, not 0 "alone"
        assertThat(html).containsPattern("<td>GMV: \\$5M-\\$100M</td><td>Industry: target vertical</td>"
                + "<td class=\"num\">7</td><td class=\"num\">7</td><td class=\"num\">7</td>");
    }

    private void decide(String lead, Instant at, String version, int score, RuleHit hit) {
        BigDecimal points = BigDecimal.valueOf(score);
        long id = decisions.insert(lead, at, points, score >= 70, version, "event", lead + "-" + at, "Test", null,
                Breakdown.of(List.of(hit)), List.of(hit));
        rules.replaceLatest(rules.record(new DecisionRuleRepository.Decision(id, lead, at, version, points, score >= 70),
                List.of(hit), Map.of()), true);
    }

    private static JsonPath versionReport(String segment, String version, String to) {
        var request = given().queryParam("segment", segment);
        if (version != null) {
            request = request.queryParam("version", version);
        }
        if (to != null) {
            request = request.queryParam("to", to);
        }
        return request.get("/reports/rule-hits").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theReportFiltersBySegmentAndVersion() {
        given().queryParam("segment", "attributes.batch:" + batch).queryParam("version", active.current().version())
                .get("/reports/rule-hits").then().statusCode(200).body("leads", equalTo(7));
        given().queryParam("segment", "attributes.batch:no-such-batch")
                .get("/reports/rule-hits").then().statusCode(200).body("leads", equalTo(0));
    }

    @Test
    void csvHasOneParsableRowPerRuleFiredOrDead() throws IOException {
        String csv = given().accept("text/csv").queryParam("from", "2031-03-01").queryParam("to", "2031-03-01")
                .queryParam("segment", "attributes.batch:" + batch)
                .get("/reports/rule-hits").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(active.current().catalog().rules().size());
        CSVRecord gmv = rows.stream().filter(r -> r.get("rule").equals("GMV: $5M-$100M")).findFirst().orElseThrow();
        assertThat(gmv.get("leads")).isEqualTo("7");
        assertThat(gmv.get("points")).isEqualTo("105");
        assertThat(gmv.get("decisive")).isEqualTo("3");
        assertThat(gmv.get("dead")).isEqualTo("false");
        assertThat(rows.stream().filter(r -> r.get("dead").equals("true"))).hasSize(rows.size() - 8);
    }

    @Test
    void theOtherTablesOfTheReportAreCsvDownloadsToo() throws IOException {
        CSVRecord fit = csvTable("categories", "application/csv").stream()
                .filter(r -> r.get("category").equals("fit")).findFirst().orElseThrow();
        assertThat(fit.get("leads")).isEqualTo("7");
        assertThat(fit.get("hits")).isEqualTo("21");
        assertThat(fit.get("points")).isEqualTo("350");
        assertThat(csvTable("distribution", "text/csv")).extracting(r -> r.get("from") + ":" + r.get("leads"))
                .containsExactly("50:1", "60:2", "70:2", "80:1", "90:1");
        CSVRecord summary = csvTable("summary", "text/csv").get(0);
        assertThat(summary.get("leads")).isEqualTo("7");
        assertThat(summary.get("segment")).isEqualTo("attributes.batch:" + batch);
        List<CSVRecord> pairs = csvTable("pairs", "text/csv");
        assertThat(pairs).as("the three pairs of the JSON report").hasSize(3)
                .allSatisfy(r -> assertThat(r.get("together") + "/" + r.get("share")).isEqualTo("7/1"));
        given().queryParam("segment", "employees:abc").get("/reports/rule-hits").then().statusCode(400)
                .body("field", equalTo("segment"));
        given().get("/rules/source").then().statusCode(400).body("field", equalTo("file"));
        given().accept("application/json").get("/reports/rule-hits.csv").then().statusCode(200)
                .contentType(containsString("text/csv"));
        given().queryParam("table", "nope").get("/reports/rule-hits.csv").then().statusCode(400)
                .body("field", equalTo("table"));
        given().queryParam("segment", "industry:Apparel", "country:US").get("/reports/rule-hits").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("segment"));
        given().queryParam("format", "CSV").get("/reports/rule-hits").then().statusCode(200)
                .contentType(containsString("text/csv"));
    }

    private List<CSVRecord> csvTable(String table, String accept) throws IOException {
        String csv = given().accept(accept).queryParam("from", "2031-03-01").queryParam("to", "2031-03-01")
                .queryParam("segment", "attributes.batch:" + batch).queryParam("table", table)
                .get("/reports/rule-hits").then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("rule-hits-" + table + ".csv"))
                .extract().asString();
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void anEmptyPeriodIsAReportWithZeroCounts() {
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-01-31").get("/reports/rule-hits")
                .then().statusCode(200).body("leads", equalTo(0)).body("mqls", equalTo(0))
                .body("rules", hasSize(0)).body("scoreDistribution", hasSize(0)).body("pairs", hasSize(0))
                .body("deadRules", hasSize(active.current().catalog().rules().size()));
    }

    @Test
    void anUnknownVersionIsA404Problem() {
        given().queryParam("version", "fedcba987654").get("/reports/rule-hits").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404))
                .body("detail", containsString("fedcba987654"));
    }

    @Test
    void badFiltersAre400Problems() {
        given().queryParam("from", "yesterday").get("/reports/rule-hits").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("from"));
        given().queryParam("segment", "Apparel").get("/reports/rule-hits").then().statusCode(400)
                .body("field", equalTo("segment"));
    }

    @Test
    void anUnknownSegmentFieldIsA400ListingTheFieldsThatExist() {
        for (String segment : List.of("nosuch:x", "Industry:Apparel", "attributes.:x")) {
            given().queryParam("segment", segment).get("/reports/rule-hits").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("segment"))
                    .body("detail", containsString("industry, country, region, jobTitle, emailDomain, employees, gmv"))
                    .body("detail", containsString("attributes.<name>"));
        }
        given().queryParam("segment", "nosuch:x").get("/reports/rule-hits.html").then().statusCode(400)
                .body("field", equalTo("segment"));
        given().queryParam("segment", "employees:50").get("/reports/rule-hits").then().statusCode(200);
    }

    @Test
    void segmentValuesMatchExactlyCaseIncluded() {
        given().queryParam("segment", "attributes.batch:" + batch.toUpperCase(java.util.Locale.ROOT))
                .get("/reports/rule-hits").then().statusCode(200).body("leads", equalTo(0));
        given().queryParam("segment", "attributes.batch:" + batch)
                .get("/reports/rule-hits").then().statusCode(200).body("leads", equalTo(7));
    }

    @Test
    void theHtmlDownloadLinksKeepEveryFilter() throws IOException {
        String version = active.current().version();
        String html = given().accept("text/html").queryParam("from", "2031-03-01").queryParam("to", "2031-03-01")
                .queryParam("version", version).queryParam("segment", "attributes.batch:" + batch)
                .get("/reports/rule-hits").then().statusCode(200).extract().asString();
        String filters = "&from=2031-03-01T00%3A00%3A00Z&to=2031-03-02T00%3A00%3A00Z&version=" + version
                + "&segment=attributes.batch%3A" + batch;
        assertThat(link(html, "download-csv")).isEqualTo("/reports/rule-hits?format=csv" + filters);
        assertThat(link(html, "download-json")).isEqualTo("/reports/rule-hits?format=json" + filters);
        // Followed as a browser would, the links give the page's leads, not every lead
        given().urlEncodingEnabled(false).get(link(html, "download-json")).then().statusCode(200)
                .contentType("application/json").body("leads", equalTo(7))
                .body("filter.segment", equalTo("attributes.batch:" + batch));
        String csv = given().urlEncodingEnabled(false).get(link(html, "download-csv")).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        CSVRecord gmv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords().stream()
                .filter(r -> r.get("rule").equals("GMV: $5M-$100M")).findFirst().orElseThrow();
        assertThat(gmv.get("leads")).isEqualTo("7");
        // A segment value with spaces and an ampersand survives the link
        String spaced = given().queryParam("segment", "attributes.platform:Shopify Plus & more")
                .get("/reports/rule-hits.html").then().statusCode(200).extract().asString();
        assertThat(link(spaced, "download-json"))
                .isEqualTo("/reports/rule-hits?format=json&segment=attributes.platform%3AShopify%20Plus%20%26%20more");
        assertThat(link(given().get("/reports/rule-hits.html").then().statusCode(200).extract().asString(),
                "download-csv")).isEqualTo("/reports/rule-hits?format=csv");
    }

    /** The href of the link with this id, its HTML entities read back as a browser would. */
    private static String link(String html, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"" + id + "\" href=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("link " + id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void theHtmlReportIsServedByAcceptAndAtItsPlainUrl() {
        given().accept("text/html").get("/reports/rule-hits").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("<canvas id=\"score-distribution\""));
        given().get("/reports/rule-hits.html?segment=attributes.batch:" + batch).then().statusCode(200)
                .body(containsString("id=\"kpi-leads\">7<"));
        given().get("/webjars/chart.js/4.5.1/dist/chart.umd.js").then().statusCode(200).body(containsString("Chart"));
    }
}
