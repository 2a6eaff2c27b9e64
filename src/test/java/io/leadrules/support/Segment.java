package io.leadrules.support;

import io.restassured.specification.RequestSpecification;

import static io.leadrules.support.Api.given;

/** Requests as Segment clients send them: HTTP Basic with the write key as user name, empty password. */
public final class Segment {

    public static final String WRITE_KEY = "dev-write-key";
    public static final String ADMIN = "Bearer dev-admin-key";

    private Segment() {
    }

    public static RequestSpecification client() {
        return given().auth().preemptive().basic(WRITE_KEY, "").contentType("application/json");
    }
}
