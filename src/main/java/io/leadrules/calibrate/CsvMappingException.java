package io.leadrules.calibrate;

import java.util.List;

/** A CSV or its mapping that cannot be read as leads; each error names the row and column to fix. */
public class CsvMappingException extends RuntimeException {

    private final List<Error> errors;

    public CsvMappingException(String message, List<Error> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<Error> errors() {
        return errors;
    }

    /**
     * @param row the data row, 1 = the first row after the header; null for problems of the header or mapping
     * @param column the CSV column (or mapping key) at fault
     */
    public record Error(Integer row, String column, String value, String message) {
    }
}
