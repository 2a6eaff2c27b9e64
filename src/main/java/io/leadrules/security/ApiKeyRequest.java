package io.leadrules.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A key presented with a request ({@code Authorization: Bearer <key>}, or a Segment write key as Basic user name). */
public class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
