package io.leadrules.api;

/** A missing or wrong key: 401 with a {@code WWW-Authenticate} challenge naming the scheme expected. */
public class UnauthorizedException extends RuntimeException {

    private final String challenge;

    public UnauthorizedException(String detail, String challenge) {
        super(detail);
        this.challenge = challenge;
    }

    public String challenge() {
        return challenge;
    }
}
