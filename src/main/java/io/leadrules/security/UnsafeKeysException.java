package io.leadrules.security;

/** The configured keys cannot protect the service (none, a documented default, too short, malformed): no start. */
public class UnsafeKeysException extends RuntimeException {

    public UnsafeKeysException(String message) {
        super(message);
    }
}
