package io.leadrules.api;

import io.leadrules.support.Api;
import io.leadrules.support.ServedEndpoints;
import io.leadrules.support.ServedEndpoints.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static io.leadrules.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The OpenAPI document lists every endpoint the application serves, with its security and its problem answers. */
@QuarkusTest
class OpenApiTest {

    private static JsonPath document() {
        return Api.as(Api.READ_KEY).accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void everyServedEndpointIsInTheDocument() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        for (Endpoint e : ServedEndpoints.all()) {
            assertThat(paths).as("OpenAPI paths").containsKey(e.openApiPath());
            assertThat(paths.get(e.openApiPath())).as("%s in OpenAPI", e.name())
                    .containsKey(e.verb().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void operationsSayHowToAuthenticateAndWhatProblemsTheyAnswer() {
        JsonPath doc = document();
        assertThat(doc.getMap("components.securitySchemes")).containsKeys(LeadrulesApi.API_KEY, LeadrulesApi.WRITE_KEY);
        assertThat(doc.getString("paths.'/score'.post.responses.'403'.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.getList("paths.'/score'.post.security")).isNotEmpty();
        assertThat(doc.getMap("components.schemas.Problem.properties")).containsKeys("type", "title", "status", "detail");
    }

    @Test
    void theDocumentAndSwaggerUiNeedTheReadRole() {
        anonymous().get("/q/openapi").then().statusCode(401);
        Api.as(Api.SCORE_KEY).get("/q/openapi").then().statusCode(403);
        Api.as(Api.READ_KEY).get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
