package io.leadrules.support;

import io.restassured.RestAssured;
import io.restassured.config.HeaderConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Requests with a key. {@link #given()} sends the dev admin key (every role), so a test about scoring or reports is
 * not also a test about keys; {@link #as(String)} sends another key, {@link #anonymous()} none. A test that sets its
 * own Authorization header (another key, Basic auth) replaces the default one.
 */
public final class Api {

    public static final String ADMIN_KEY = "dev-admin-key";
    public static final String READ_KEY = "dev-read-key";
    public static final String ANALYST_KEY = "dev-analyst-key";
    public static final String SCORE_KEY = "dev-score-key";
    public static final String WRITE_KEY = "dev-write-key";

    private Api() {
    }

    public static RequestSpecification given() {
        return as(ADMIN_KEY);
    }

    public static RequestSpecification as(String key) {
        return RestAssured.given().config(RestAssured.config().headerConfig(HeaderConfig.headerConfig()
                        .overwriteHeadersWithName("Authorization", "Accept", "Content-Type")))
                .header("Authorization", "Bearer " + key);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }
}
