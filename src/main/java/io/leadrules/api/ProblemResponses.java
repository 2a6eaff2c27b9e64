package io.leadrules.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Adds to every operation of the OpenAPI document the errors every endpoint can answer, as
 * {@code application/problem+json} with the {@link Problem} schema: the document says what a client must handle,
 * not only the happy path.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> COMMON = Map.of(
            "400", "The request is malformed or a value is invalid; field or file, line and column say where",
            "401", "No key, or a key that is not valid",
            "403", "The key lacks the role this endpoint needs",
            "415", "The body's media type is not one this endpoint reads");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(ProblemResponses::addProblems));
    }

    private static void addProblems(Operation operation) {
        APIResponses responses = operation.getResponses() != null ? operation.getResponses()
                : OASFactory.createAPIResponses();
        COMMON.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null || responses.getAPIResponse(status).getContent() == null) {
                responses.addAPIResponse(status, problem(description));
            }
        });
        operation.setResponses(responses);
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /** RFC 9457 with our extensions ({@code field}, {@code rule}, {@code leadId}, {@code errors}). */
    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem detail")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string).addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the JSON field or query parameter at fault"))
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the rule that failed while scoring"))
                .addProperty("leadId", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("each fault: a field and message, or a DRL file, line, column and message")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)));
    }
}
