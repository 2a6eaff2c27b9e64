package io.leadrules.calibrate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvLeadMapperTest {

    static final Path DIR = BacktesterTest.DIR;

    static List<LabelledLead> map(String csvFile, String mappingFile) throws IOException {
        CsvMapping mapping = CsvLeadMapper.readMapping(Files.readString(DIR.resolve(mappingFile)));
        try (Reader csv = Files.newBufferedReader(DIR.resolve(csvFile))) {
            return CsvLeadMapper.map(csv, mapping);
        }
    }

    @Test
    void turnsEachRowIntoALeadWithAttributesEventsAndOutcome() throws IOException {
        List<LabelledLead> leads = map("small.csv", "small.yaml");
        assertThat(leads).hasSize(10);
        LabelledLead a = leads.get(0);
        assertThat(a.lead().getId()).isEqualTo("a");
        assertThat(a.lead().attribute("flag")).isEqualTo("yes");
        assertThat(a.won()).isTrue();
        assertThat(a.events()).hasSize(9).allSatisfy(e -> {
            assertThat(e.getType()).isEqualTo("Point");
            assertThat(e.getTimestamp()).isEqualTo(Instant.parse("2026-05-30T00:00:00Z"));
        });
        assertThat(leads.get(9).events()).isEmpty();
    }

    @Test
    void namesRowAndColumnOfEveryBadNumber() {
        assertThatThrownBy(() -> map("bad-number.csv", "small.yaml"))
                .isInstanceOfSatisfying(CsvMappingException.class, e -> assertThat(e.errors()).containsExactly(
                        new CsvMappingException.Error(2, "points", "eight", "is not a number (use digits and a dot, e.g. 12.5)"),
                        new CsvMappingException.Error(3, "points", "-1", "must be zero or more")))
                .hasMessageContaining("row 2, column \"points\"");
    }

    @Test
    void aRowWithMoreOrFewerCellsThanTheHeaderIsAnError() throws IOException {
        CsvMapping mapping = CsvLeadMapper.readMapping(Files.readString(DIR.resolve("small.yaml")));
        assertThatThrownBy(() -> CsvLeadMapper.map(new java.io.StringReader(
                "id,points,won,flag\na,1,1\nb,2,0,no,extra\nc,3,1,yes\n"), mapping))
                .isInstanceOfSatisfying(CsvMappingException.class, e -> assertThat(e.errors()).containsExactly(
                        new CsvMappingException.Error(1, null, null, "has 3 values; the header has 4 columns"),
                        new CsvMappingException.Error(2, null, null, "has 5 values; the header has 4 columns")));
    }

    @Test
    void mappingMistakesAreNamedInTheMappingsTermsNotJavas() {
        assertThatThrownBy(() -> CsvLeadMapper.readMapping("id: id\nlabel: {column: won}\nasOf: June\n"))
                .isInstanceOf(CsvMappingException.class)
                .hasMessageContaining("\"June\" at \"asOf\": expected an ISO-8601 instant")
                .hasMessageNotContaining("java.");
        assertThat(CsvLeadMapper.readMapping("id: id\nlabel: {column: won, won: [\"1\"]}\nasOf: 2026-06-01\n").asOf())
                .isEqualTo(java.time.Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void namesTheColumnsTheCsvLacks() {
        assertThatThrownBy(() -> map("missing-column.csv", "small.yaml"))
                .isInstanceOfSatisfying(CsvMappingException.class, e -> assertThat(e.errors())
                        .extracting(CsvMappingException.Error::column).containsExactly("flag", "points"))
                .hasMessageContaining("[flag, points]");
    }

    @Test
    void rejectsAnUnknownMappingKey() {
        assertThatThrownBy(() -> map("small.csv", "unknown-key.yaml"))
                .isInstanceOf(CsvMappingException.class).hasMessageContaining("feilds");
    }

    @Test
    void requiresIdLabelAndAsOf() {
        assertThatThrownBy(() -> CsvLeadMapper.readMapping("fields: {a: b}\n"))
                .isInstanceOfSatisfying(CsvMappingException.class, e -> assertThat(e.errors())
                        .extracting(CsvMappingException.Error::column).containsExactly("id", "label.column", "asOf"));
    }

    @Test
    void treatsMissingValuesAsAbsentAndLeavesUnknownLabelsUnlabelled() {
        CsvMapping mapping = CsvLeadMapper.readMapping("""
                id: id
                label: {column: won, won: ["1"], lost: ["0"]}
                asOf: 2026-01-01T00:00:00Z
                missing: ["", "Select"]
                fields: {job: jobTitle, emp: employees, dne: unsubscribed}
                """);
        List<LabelledLead> leads = CsvLeadMapper.map(new java.io.StringReader("""
                id,won,job,emp,dne
                a,1,Select,12,Yes
                b,?,CMO,,No
                """), mapping);
        assertThat(leads.get(0).lead().getJobTitle()).isNull();
        assertThat(leads.get(0).lead().getEmployees()).isEqualTo(12);
        assertThat(leads.get(0).lead().isUnsubscribed()).isTrue();
        assertThat(leads.get(1).won()).isNull();
        assertThat(leads.get(1).lead().getJobTitle()).isEqualTo("CMO");
    }

    @Test
    void readsTheCloseDateColumnAsAnInstantOrADateAndNamesABadOne() {
        CsvMapping mapping = CsvLeadMapper.readMapping("""
                id: id
                label: {column: won, won: ["1"], closedAt: closed}
                asOf: 2026-01-01T00:00:00Z
                """);
        List<LabelledLead> leads = CsvLeadMapper.map(new java.io.StringReader("""
                id,won,closed
                a,1,2025-11-05
                b,0,2025-12-01T09:30:00+01:00
                c,0,
                """), mapping);
        assertThat(leads).extracting(LabelledLead::closedAt).containsExactly(Instant.parse("2025-11-05T00:00:00Z"),
                Instant.parse("2025-12-01T08:30:00Z"), null);
        assertThatThrownBy(() -> CsvLeadMapper.map(new java.io.StringReader("id,won,closed\na,1,last week\n"), mapping))
                .isInstanceOfSatisfying(CsvMappingException.class, e -> assertThat(e.errors()).containsExactly(
                        new CsvMappingException.Error(1, "closed", "last week",
                                "is not an ISO-8601 instant such as 2026-03-01T12:00:00Z, or a date (2026-03-01)")));
        assertThatThrownBy(() -> CsvLeadMapper.map(new java.io.StringReader("id,won\na,1\n"), mapping))
                .isInstanceOf(CsvMappingException.class).hasMessageContaining("[closed]");
    }
}
