package io.leadrules.api;

/** An admin call came without the admin key, or with a wrong one. */
public class AdminKeyRequiredException extends RuntimeException {

    public AdminKeyRequiredException(String message) {
        super(message);
    }
}
