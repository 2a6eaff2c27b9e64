package io.leadrules.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Jackson's reading errors in the words of the JSON or YAML a person wrote (its keys, their path, what shape was
 * expected) instead of the Java types behind them ({@code java.math.BigDecimal}, {@code io.leadrules.model.Lead}).
 * Used for scenario files, CSV mappings and request bodies alike.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** "events[0].timestamp": the path of the offending value, or null at the top. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** As {@link #describe(JsonProcessingException, String)} for a file: "The document has the wrong shape". */
    public static String describe(JsonProcessingException e) {
        return describe(e, "The document");
    }

    /**
     * One sentence saying what is wrong and where; syntax errors keep Jackson's own words (they name no type).
     *
     * @param whole how to name the whole input when the fault is at its top ("The body", "The document")
     */
    public static String describe(JsonProcessingException e, String whole) {
        if (!(e instanceof JsonMappingException mapping)) {
            return e.getOriginalMessage();
        }
        String path = path(mapping);
        String at = path == null ? "" : " at \"" + path + "\"";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field \"" + unknown.getPropertyName() + "\"" + at + "; known fields: "
                    + unknown.getKnownPropertyIds();
        }
        if (e instanceof InvalidFormatException format) {
            return "Invalid value \"" + format.getValue() + "\"" + at + ": expected " + expected(format.getTargetType());
        }
        if (!e.getOriginalMessage().contains("`")) {
            // Our own deserializers word their message for the reader; Jackson's name Java types in backquotes.
            return "Invalid value" + at + ": " + e.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return (path == null ? whole : "The value" + at) + " has the wrong shape: expected "
                    + expected(mismatch.getTargetType());
        }
        return "Invalid value" + at;
    }

    /** What a writer should have put there, in JSON's words rather than Java's. */
    public static String expected(Class<?> type) {
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-11-23T00:00:00Z";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of names and values";
        }
        return "an object";
    }
}
