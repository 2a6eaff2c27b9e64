package io.leadrules.rules.table;

/**
 * Where in a point table something is: a sheet (empty for CSV), a 1-based row and column as a spreadsheet shows
 * them, and the column's heading ("Points"); column 0 when the row is known but not the cell.
 */
public record TableCell(String sheet, int row, int column, String heading) {

    /** "B" for column 2, "AA" for 27; empty for an unknown column. */
    public String columnLetter() {
        StringBuilder letters = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    /** "Sheet Fit, row 11, column E (Points)", as a marketer finds it in the spreadsheet. */
    public String describe() {
        String where = (sheet.isEmpty() ? "Row " : "Sheet " + sheet + ", row ") + row;
        if (column > 0) {
            where += ", column " + columnLetter() + (heading == null || heading.isBlank() ? "" : " (" + heading + ")");
        }
        return where;
    }
}
