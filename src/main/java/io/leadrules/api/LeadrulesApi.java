package io.leadrules.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The API as a whole, for its OpenAPI document ({@code /q/openapi}, Swagger UI at {@code /q/swagger-ui}): what it is
 * and how callers authenticate. Every resource is still discovered on its own; this class lists none.
 */
@OpenAPIDefinition(info = @Info(title = "Leadrules", version = "1.0",
        description = "Lead scoring with DRL rules: explained scores, Segment-compatible ingestion, rules lifecycle,"
                + " reports and calibration. Every call needs a key with a role (score, ingest, read, analyst, admin);"
                + " errors are application/problem+json (RFC 9457)."))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = LeadrulesApi.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "An API key: Authorization: Bearer <key>"),
        @SecurityScheme(securitySchemeName = LeadrulesApi.WRITE_KEY, type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "Segment clients: the write key as the HTTP Basic user name, empty password")})
public class LeadrulesApi extends Application {

    public static final String API_KEY = "apiKey";
    public static final String WRITE_KEY = "writeKey";
}
