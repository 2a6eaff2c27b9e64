package io.leadrules.rules;

import io.leadrules.TestRulesets;
import io.leadrules.model.Lead;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Point tables ({@code *.drl.csv}): one rule per row, checked and located like DRL, at the table's rows and cells. */
class PointTableTest {

    private static final String TABLE = "fit-points.drl.csv";

    @Test
    void eachRowIsARuleWithItsCategoryPointsCapDescriptionAndRow() {
        Ruleset ruleset = TestRulesets.compile(withTable(table()));

        assertThat(ruleset.catalog().rule("Table: big team in Germany")).get().satisfies(r -> {
            assertThat(r.file()).isEqualTo(TABLE);
            assertThat(r.row()).isEqualTo(12);
            assertThat(r.line()).isEqualTo(12);
            assertThat(r.category()).isEqualTo("fit");
            assertThat(r.points()).isEqualByComparingTo("4");
            assertThat(r.cap()).isEqualByComparingTo("10");
            assertThat(r.description()).isEqualTo("German teams of 50 or more");
        });
        assertThat(ruleset.catalog().rule("Table: apparel or beauty")).get()
                .satisfies(r -> assertThat(r.cap()).isNull());
    }

    @Test
    void aHitOfATableRowNamesTheFileAndRow() {
        Ruleset ruleset = TestRulesets.compile(withTable(table()));
        Lead lead = new Lead("lead-de");
        lead.setIndustry("Beauty");
        lead.setCountry("DE");
        lead.setEmployees(120);

        ScoreCard card = new Scorer(new ScoringPolicy(new BigDecimal("70"), 1000, Map.of(), Optional.empty()))
                .score(ruleset, lead, List.of(), Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(card.hits()).filteredOn(h -> h.file() != null && h.file().equals(TABLE))
                .extracting(RuleHit::rule, RuleHit::row, RuleHit::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Table: apparel or beauty", 10, "Sells apparel or beauty"),
                        org.assertj.core.groups.Tuple.tuple("Table: big team in Germany", 12, "A German team of 50 or more"));
        assertThat(card.hits()).filteredOn(h -> "fit.drl".equals(h.file())).allSatisfy(h -> assertThat(h.row()).isNull());
    }

    @Test
    void anUnknownCategoryIsReportedAtItsRowAndCell() {
        DrlProblem problem = onlyProblem(table().replace(",fit,15,", ",fitt,15,"));

        assertThat(problem.file()).isEqualTo(TABLE);
        assertThat(problem.line()).isEqualTo(10);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.message()).startsWith("Row 10, column E (Category): ").contains("unknown category \"fitt\"");
    }

    @Test
    void pointsThatAreNotANumberAreReportedAtTheirCell() {
        DrlProblem problem = onlyProblem(table().replace(",fit,5,", ",fit,five,"));

        assertThat(problem.line()).isEqualTo(11);
        assertThat(problem.column()).isEqualTo(6);
        assertThat(problem.message()).startsWith("Row 11, column F (Points): ").contains("is not a number");
    }

    @Test
    void aConditionThatIsNotValidIsReportedAtItsCell() {
        DrlProblem problem = onlyProblem(table().replace("employees >= 50", "employes >= 50"));

        assertThat(problem.line()).isEqualTo(12);
        assertThat(problem.column()).isEqualTo(4);
        assertThat(problem.message()).startsWith("Row 12, column D (Also (condition on the lead)): ")
                .contains("employes");
    }

    @Test
    void aConditionThatDoesNotParseIsReportedAtItsRow() {
        DrlProblem problem = onlyProblem(table().replace("employees >= 50", "employees >= >= 50"));

        assertThat(problem.file()).isEqualTo(TABLE);
        assertThat(problem.line()).isEqualTo(12);
        assertThat(problem.message()).startsWith("Row 12");
    }

    @Test
    void javaInACellIsRefusedByTheStrictPolicy() {
        DrlProblem problem = onlyProblem(table().replace("employees >= 50",
                "employees >= 50 || getClass().forName(\"\"java.lang.Runtime\"\") != null"));

        assertThat(problem.line()).isEqualTo(12);
        assertThat(problem.column()).isEqualTo(4);
        assertThat(problem.message()).contains("strict rules policy");
    }

    @Test
    void quotesInAReasonStayText() {
        Ruleset ruleset = TestRulesets.compile(withTable(table().replace("Based in North America",
                "\"Based\"\"); System.exit(1); score.award(drools, \"\"x\"")));

        assertThat(ruleset.catalog().rule("Table: core market")).isPresent();
    }

    @Test
    void aTableWithoutARuleTableIsReportedAtTheFile() {
        DrlProblem problem = onlyProblem(table().replace("RuleTable Fit points", "Fit points"));

        assertThat(problem.file()).isEqualTo(TABLE);
        assertThat(problem.message()).contains("RuleTable");
    }

    @Test
    void theRulesFolderReadsTablesBesideDrlFiles() {
        assertThat(RulesetCompiler.readFolder(Path.of("rules"))).extracting(RuleFile::path).contains("fit-points.drl.csv");
        assertThat(TestRulesets.defaultRuleset().catalog().rule("Industry: target vertical")).get()
                .satisfies(r -> assertThat(r.file()).isEqualTo("fit-points.drl.csv"));
    }

    @Test
    void aWorkbookIsReadLikeItsCsv() throws IOException {
        List<RuleFile> files = new ArrayList<>(RulesetCompiler.readFolder(Path.of("rules")));
        files.removeIf(f -> f.path().equals(TABLE));
        files.add(new RuleFile("fit-points.drl.xlsx", java.util.Base64.getEncoder().encodeToString(
                Files.readAllBytes(Path.of("src/test/resources/tables/fit-points.drl.xlsx")))));

        assertThat(TestRulesets.compile(files).catalog().rule("Table: big team in Germany")).get().satisfies(r -> {
            assertThat(r.file()).isEqualTo("fit-points.drl.xlsx");
            assertThat(r.row()).isEqualTo(12);
            assertThat(r.cap()).isEqualByComparingTo("10");
        });
    }

    private static DrlProblem onlyProblem(String csv) {
        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class,
                () -> TestRulesets.compile(withTable(csv)));
        assertThat(e).as("the table should be refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    /** The shipped DRL files with this table in place of the shipped one. */
    private static List<RuleFile> withTable(String csv) {
        List<RuleFile> files = new ArrayList<>(RulesetCompiler.readFolder(Path.of("rules")));
        files.removeIf(f -> f.path().equals(TABLE));
        files.add(new RuleFile(TABLE, csv));
        return files;
    }

    private static String table() {
        try {
            return Files.readString(Path.of("src/test/resources/tables", TABLE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
