package io.leadrules.rules;

import io.leadrules.rules.table.PointTable;
import io.leadrules.rules.table.TableCell;
import io.leadrules.rules.table.TableFormatException;

import java.util.List;
import java.util.Optional;

/**
 * The DRL a rule file stands for: its own text, or for a point table the DRL Drools generates from it. Whatever is
 * found wrong in that DRL is reported at the file's own place: for a table, its row and cell ({@link #locate}).
 */
record DrlSource(RuleFile file, String drl, PointTable table) {

    /**
     * The file's DRL; a table Drools cannot read is a {@link RulesetInvalidException} at the file (and row, when
     * Drools names one).
     */
    static DrlSource of(RuleFile file) {
        if (!file.isTable()) {
            return new DrlSource(file, file.content(), null);
        }
        try {
            PointTable table = PointTable.read(file.path(), file.bytes());
            return new DrlSource(file, table.drl(), table);
        } catch (TableFormatException e) {
            throw new RulesetInvalidException(List.of(
                    new DrlProblem(file.path(), e.row(), 0, e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw new RulesetInvalidException(List.of(
                    new DrlProblem(file.path(), 0, 0, "The workbook is not valid Base64: " + e.getMessage())));
        }
    }

    /** The path Drools builds it under: a table's DRL must not end in .csv or .xlsx, or Drools re-reads it as one. */
    String buildPath() {
        return table == null ? file.path() : file.path() + ".drl";
    }

    /** Where a generated rule sits in its table, for the hits and pages that point at it. */
    Optional<TableCell> ruleRow(String ruleName) {
        return table == null ? Optional.empty() : table.ruleRow(ruleName);
    }

    /**
     * A problem found in this file's DRL, located in the file itself: for a table the row is the problem's line and
     * the cell's column its column, and the message starts with where to look ("Row 11, column E (Points): ...").
     */
    DrlProblem locate(DrlProblem problem) {
        if (table == null) {
            return problem;
        }
        Optional<TableCell> cell = table.locate(problem.line(), problem.column(), problem.message());
        String generated = problem.line() >= 1 && problem.line() <= drl.lines().count()
                ? " [generated DRL: " + drl.lines().skip(problem.line() - 1).findFirst().orElse("").trim() + "]" : "";
        return cell.map(c -> new DrlProblem(file.path(), c.row(), c.column(),
                        c.describe() + ": " + problem.message() + generated))
                .orElse(new DrlProblem(file.path(), 0, 0, problem.message() + generated));
    }
}
