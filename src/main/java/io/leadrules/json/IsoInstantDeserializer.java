package io.leadrules.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.leadrules.model.Instants;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * An instant written as ISO-8601 text with its offset ({@code 2026-11-23T00:00:00Z}, {@code ...+01:00}), in years
 * 1 to 9999. Jackson's default also takes numbers and numeric strings as epoch seconds, which turns a wrong field
 * into a silently wrong date; years beyond 9999 overflow the event-age arithmetic.
 */
public class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    public IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw InvalidFormatException.from(parser, "not an ISO-8601 instant", parser.getText(), Instant.class);
        }
        String text = parser.getText().trim();
        try {
            return parse(text);   // Instants also refuses years beyond 1-9999
        } catch (DateTimeException e) {
            throw InvalidFormatException.from(parser, "not " + expected() + ": " + e.getMessage(), text, Instant.class);
        }
    }

    protected Instant parse(String text) {
        return Instants.parse(text);
    }

    protected String expected() {
        return "an ISO-8601 instant";
    }

    /**
     * An instant as above, or a bare date ({@code 2026-01-10}) read as midnight UTC: for dates people write by hand,
     * such as when a deal closed, as {@code POST /outcomes} takes them.
     */
    public static class OrDate extends IsoInstantDeserializer {

        @Override
        protected Instant parse(String text) {
            return Instants.parseOrDate(text);
        }

        @Override
        protected String expected() {
            return "an ISO-8601 instant or date";
        }
    }
}
