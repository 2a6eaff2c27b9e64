package io.leadrules.api;

/** A request header whose value cannot be read ({@code Content-Type:} empty, an {@code Accept} that is no media type). */
public class MalformedHeaderException extends RuntimeException {

    private final String header;

    public MalformedHeaderException(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
