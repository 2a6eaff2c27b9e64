package io.leadrules.store;

/**
 * Text with a NUL character ({@code \u0000}): PostgreSQL cannot store it in a text column nor compare with it, so
 * a request carrying one (a lead id, an event name) is a client error on every database, not a 500 on one.
 */
public class UnstorableTextException extends IllegalArgumentException {

    public UnstorableTextException() {
        super("The request holds text with a NUL character (\\u0000), which cannot be stored or looked up:"
                + " remove it from ids, names and values");
    }
}
