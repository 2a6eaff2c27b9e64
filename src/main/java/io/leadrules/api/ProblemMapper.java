package io.leadrules.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.leadrules.ingest.InvalidMessageException;
import io.leadrules.ingest.PayloadTooLargeException;
import io.leadrules.profile.LeadNotFoundException;
import io.leadrules.calibrate.BacktestInputException;
import io.leadrules.json.JsonErrors;
import io.leadrules.calibrate.CsvMappingException;
import io.leadrules.rules.RulesetInvalidException;
import io.leadrules.rules.RulesetOutOfSyncException;
import io.leadrules.rules.RulesetRejectedException;
import io.leadrules.rules.RulesetVersionNotFoundException;
import io.leadrules.limits.CapacityExceededException;
import io.leadrules.limits.LimitExceededException;
import io.leadrules.limits.LimitsConfig;
import io.leadrules.scoring.DeadlineExceededException;
import io.leadrules.scoring.RuleFailedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns every failure into {@code application/problem+json} that says what was wrong and where. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** A replica switches within leadrules.rules.sync-every (2 s by default) plus the time to compile. */
    private static final String RETRY_AFTER_SECONDS = "5";

    /** Seconds, as {@code Retry-After} takes them. */
    private final long retryAfter;

    public ProblemMapper(LimitsConfig limits) {
        this.retryAfter = Math.max(1, limits.retryAfter().toSeconds());
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        if (isMalformed(e)) {
            return respond(Problem.of("malformed-json", "Malformed JSON", 400,
                    "The body is not valid JSON: " + withoutSource(e.getOriginalMessage()) + location(e.getLocation())));
        }
        String field = e instanceof JsonMappingException mapping ? JsonErrors.path(mapping) : null;
        String detail;
        if (e.getCause() instanceof ConflictingFieldException conflict) {
            field = field == null ? conflict.field() : field + "." + conflict.field();
            detail = conflict.getMessage() + at(field);
        } else {
            detail = JsonErrors.describe(e, "The body");
        }
        return respond(Problem.of("invalid-request", "Invalid request body", 400, detail).withField(field));
    }

    /** More specific than Quarkus' own JSON mapper for this type, so ours answers. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unstorableText(io.leadrules.store.UnstorableTextException e) {
        return respond(Problem.of("invalid-request", "Invalid request", 400, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
        Problem problem = Problem.of("invalid-request", "Invalid request body", 400, detail).withErrors(errors);
        return respond(errors.isEmpty() ? problem : problem.withField(errors.get(0).field()));
    }

    @ServerExceptionMapper
    public Response invalidRules(RulesetInvalidException e) {
        return respond(Problem.of("invalid-rules", "The ruleset is invalid", 422, e.getMessage()).withErrors(e.problems()));
    }

    /**
     * 503, not 422: how far scoring gets within its deadline depends on how busy the machine is, so the same request
     * can pass later (or, for a backtest, with fewer leads); a 422 would say the request itself is wrong.
     */
    @ServerExceptionMapper
    public Response deadline(DeadlineExceededException e) {
        LOG.warnf("Stopped at the deadline: %s", e.getMessage());
        return retryLater(Problem.of("deadline-exceeded", "Stopped at the deadline", 503, e.getMessage())
                .withRule(e.rule(), e.leadId()));
    }

    @ServerExceptionMapper
    public Response busy(CapacityExceededException e) {
        return retryLater(Problem.of("too-many-heavy-calls", "Too many heavy calls running", 429, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response overLimit(LimitExceededException e) {
        return respond(Problem.of("payload-too-large", "Payload too large", 413, e.getMessage()).withField(e.field()));
    }

    @ServerExceptionMapper
    public Response ruleFailed(RuleFailedException e) {
        LOG.warnf("Scoring stopped on ruleset %s: %s", e.rulesetVersion(), e.getMessage());
        return respond(Problem.of("rule-failed", "A rule failed while scoring", 422, e.getMessage())
                .withRule(e.rule(), e.leadId()));
    }

    @ServerExceptionMapper
    public Response rulesetRejected(RulesetRejectedException e) {
        List<Object> errors = new ArrayList<>(e.errors());
        e.failedScenarios().forEach(s -> errors.add(new ScenarioFailure(s.name(), s.file(), s.failures())));
        return respond(Problem.of("ruleset-rejected", "The ruleset was not activated", 422, e.getMessage())
                .withErrors(errors));
    }

    /**
     * A replica switching rulesets stores nothing meanwhile: 503 with {@code Retry-After}, which Segment clients and
     * load balancers retry (here later, or on a replica already switched).
     */
    @ServerExceptionMapper
    public Response rulesetOutOfSync(RulesetOutOfSyncException e) {
        LOG.infof("Refused to store a decision: %s", e.getMessage());
        return Response.fromResponse(respond(Problem.of("ruleset-switching", "The rules are being switched", 503,
                e.getMessage()))).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response versionNotFound(RulesetVersionNotFoundException e) {
        return respond(Problem.of("ruleset-version-not-found", "Unknown ruleset version", 404, e.getMessage()));
    }

    /**
     * A key without the role the endpoint needs (the 401 for no key or a wrong one comes from
     * {@code io.leadrules.security.ApiKeyAuthenticationMechanism}). Names the roles that would do.
     */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, jakarta.ws.rs.container.ResourceInfo resource,
                              jakarta.ws.rs.container.ContainerRequestContext request) {
        java.security.Principal principal = request.getSecurityContext().getUserPrincipal();
        String key = principal == null ? "This call" : "The key \"" + principal.getName() + "\"";
        return respond(Problem.of("forbidden", "Forbidden", 403, key + " lacks the role this call needs"
                + RequiredRoles.of(resource).map(r -> " (" + r + ")").orElse("")));
    }

    /** A scenario test that failed, as an entry of a problem's {@code errors}. */
    public record ScenarioFailure(String scenario, String file, List<String> failures) {
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status == 415 ? "This call does not take that Content-Type: send application/json (the README"
                + " shows each call's body; POST /outcomes also takes CSV and JSON lines, /v1/* any type)" : e.getMessage();
        return respond(Problem.of("http-" + status, title, status, detail));
    }

    @ServerExceptionMapper
    public Response badBacktest(BacktestInputException e) {
        return respond(Problem.of("invalid-backtest", "The backtest cannot run on this input", 400, e.getMessage())
                .withField(e.field()));
    }

    @ServerExceptionMapper
    public Response badCsv(CsvMappingException e) {
        Problem problem = Problem.of("invalid-csv-mapping", "The CSV or its mapping is invalid", 400, e.getMessage());
        return respond(e.errors().isEmpty() ? problem : problem.withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response malformedHeader(MalformedHeaderException e) {
        return respond(Problem.of("malformed-header", "Malformed header", 400, e.getMessage()).withField(e.header()));
    }

    /**
     * Jackson guesses a body's encoding from its first bytes: a body starting with NUL bytes reads as UTF-16 or
     * UTF-32 and fails as text before it fails as JSON.
     */
    @ServerExceptionMapper
    public Response notText(CharConversionException e) {
        return respond(Problem.of("malformed-json", "Malformed JSON", 400, "The body is not valid JSON: its bytes are"
                + " not text in UTF-8 (" + e.getMessage() + ")"));
    }

    /**
     * The checked I/O failures that reach a resource come from reading the request: a multipart body that is not
     * multipart, a body cut short, an upload that is not UTF-8. Failures of our own files are unchecked.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        return respond(Problem.of("unreadable-body", "The request body cannot be read", 400, "The request body cannot"
                + " be read as its Content-Type says: " + e.getMessage()));
    }

    /** A part of a multipart body whose headers cannot be read (it carries no message of its own). */
    @ServerExceptionMapper
    public Response badMultipart(MultipartParser.MalformedMessageException e) {
        return respond(Problem.of("unreadable-body", "The request body cannot be read", 400, "The multipart body is"
                + " malformed: a part's headers cannot be read"));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "An unexpected error occurred; it has been logged: " + e.getClass().getSimpleName()));
    }

    /** Syntax errors arrive bare or wrapped in a mapping exception; a truncated body is one too. */
    /** Jackson quotes the input's location as "[Source: REDACTED (...); line: 1, column: 1]": keep the position. */
    private static String withoutSource(String message) {
        return message == null ? "" : message.replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]",
                "line $1, column $2");
    }

    private static boolean isMalformed(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException) {
                return true;
            }
        }
        return e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
    }

    // --- Lead profiles and ingestion ---

    @ServerExceptionMapper
    public Response invalidMessage(InvalidMessageException e) {
        return respond(Problem.of("invalid-message", "Invalid Segment message", 400, e.getMessage()).withField(e.field()));
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return respond(Problem.of("payload-too-large", "Payload too large", 400, e.getMessage()).withField(e.field()));
    }

    @ServerExceptionMapper
    public Response notAStream(io.leadrules.batch.NotAStreamException e) {
        return respond(Problem.of("not-a-stream", "Not a stream of leads", 400, e.getMessage()).withField("body"));
    }

    @ServerExceptionMapper
    public Response leadNotFound(LeadNotFoundException e) {
        return respond(Problem.of("lead-not-found", "Lead not found", 404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response suppressionNotFound(io.leadrules.privacy.SuppressionNotFoundException e) {
        return respond(Problem.of("suppression-not-found", "Suppression not found", 404, e.getMessage()));
    }

    /** A bad filter of a report, the feed's {@code since}, a page {@code limit}, a drift window. */
    @ServerExceptionMapper
    public Response badQuery(io.leadrules.store.InvalidQueryException e) {
        return respond(Problem.of("invalid-query", "Invalid query parameter", 400, e.getMessage()).withField(e.field()));
    }

    // --- Outcomes ---

    @ServerExceptionMapper
    public Response invalidOutcomes(io.leadrules.calibrate.InvalidOutcomesException e) {
        Problem problem = Problem.of("invalid-outcomes", "Invalid outcomes", 400, e.getMessage());
        return respond(e.errors().isEmpty() ? problem : problem.withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response unknownLeads(io.leadrules.calibrate.UnknownLeadsException e) {
        return respond(Problem.of("unknown-leads", "Outcomes for unknown leads", 422, e.getMessage())
                .withErrors(e.unknown()));
    }

    // --- Explainability reports ---

    @ServerExceptionMapper
    public Response ruleFileNotFound(io.leadrules.report.RuleFileNotFoundException e) {
        return respond(Problem.of("rule-file-not-found", "Rule file not found", 404, e.getMessage()));
    }

    // --- Impact preview form ---

    @ServerExceptionMapper
    public Response invalidUpload(InvalidUploadException e) {
        return respond(Problem.of("invalid-upload", "Invalid file", 400, e.getMessage()).withField("files")
                .withErrors(List.of(new UploadError(e.file(), e.getMessage()))));
    }

    /** The uploaded file at fault, as an entry of a problem's {@code errors}. */
    public record UploadError(String file, String message) {
    }

    private Response retryLater(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfter)
                .entity(problem).build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }


    /**
     * Bean Validation paths look like "score.request.lead.id"; keep the part inside the body. A constraint on the
     * body itself ("score.request": no body sent) is about the "body".
     */
    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        if (parts.length == 2) {
            return "body";
        }
        // A constraint on a list's elements ("events[0].<list element>") is about the element itself.
        return (parts.length == 3 ? parts[2] : path).replace(".<list element>", "");
    }

    private static String at(String field) {
        return field == null ? "" : " at \"" + field + "\"";
    }

    private static String location(com.fasterxml.jackson.core.JsonLocation loc) {
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

}
