package io.leadrules.rules;

import io.leadrules.rules.table.PointTable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One file of a ruleset: its path relative to the rules folder ("fit.drl", "fit-points.drl.csv") and its text. A
 * workbook point table ({@code .drl.xlsx}, {@code .drl.xls}) is binary: its text is the file's bytes in Base64, so
 * versions, hashes and storage treat every file alike.
 */
public record RuleFile(String path, String content) {

    /** Whether this is a point table (a decision table) rather than DRL. */
    public boolean isTable() {
        return PointTable.isTable(path);
    }

    /** The file's bytes as on disk. */
    public byte[] bytes() {
        return PointTable.isWorkbook(path) ? Base64.getMimeDecoder().decode(content)
                : content.getBytes(StandardCharsets.UTF_8);
    }
}
