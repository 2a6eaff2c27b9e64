package io.leadrules.rules.table;

/** A point table Drools cannot read at all (no RuleTable, an unknown column type, an unreadable workbook). */
public final class TableFormatException extends Exception {

    private final int row;

    public TableFormatException(String message, int row) {
        super(message);
        this.row = row;
    }

    /** The 1-based row the problem is on, 0 when unknown. */
    public int row() {
        return row;
    }
}
