package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadrules.ingest.IngestService;
import io.leadrules.ingest.PayloadReader;
import io.leadrules.ingest.SegmentMessage;
import io.leadrules.ingest.SegmentParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The Segment HTTP Tracking API ({@code /v1/identify}, {@code /v1/track}, {@code /v1/page}, {@code /v1/batch}, and
 * {@code /v1/screen}, {@code /v1/group}, {@code /v1/alias}),
 * so clients that send to a CDP can send here unchanged. The write key (HTTP Basic user name) is checked by
 * {@code io.leadrules.security}: any key with the {@code ingest} role. Bodies are read raw: any Content-Type, gzip
 * or not. {@code {"success": true, ...}} is sent only once the messages are committed.
 */
@Path("/v1")
@Consumes(MediaType.WILDCARD)
@RolesAllowed(Roles.INGEST)
public class SegmentResource {

    /**
     * The answer: {@code success} as Segment's (what its clients read), then how many messages were stored (new;
     * a retried one is not stored again) and how many were dropped because they name an erased lead.
     */
    public record Answer(boolean success, int stored, int suppressed) {
    }

    /**
     * Always JSON, whatever the client's Accept says: a client that asks for text/plain must not have its events
     * refused (406) for a header it does not read the answer by. So no {@code @Produces}: the type is set here.
     */
    private static Response success(IngestService.Accepted accepted) {
        return Response.ok(new Answer(true, accepted.stored(), accepted.suppressed()), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private final PayloadReader reader;
    private final SegmentParser parser;
    private final IngestService ingest;
    private final Clock clock;

    public SegmentResource(PayloadReader reader, SegmentParser parser, IngestService ingest,
                           Clock clock) {
        this.reader = reader;
        this.parser = parser;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** One message; the path names its kind, as in Segment's API. */
    @POST
    @Path("/{kind: identify|track|page|screen|group|alias}")
    public Response single(@PathParam("kind") String kind,
                                       @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
                                       InputStream body) throws IOException {
        Instant receivedAt = clock.instant();
        JsonNode json = reader.read(body, encoding);
        return success(ingest.accept(List.of(parser.parseSingle(json, kind, receivedAt)), receivedAt));
    }

    @POST
    @Path("/batch")
    public Response batch(@HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
                                      InputStream body) throws IOException {
        Instant receivedAt = clock.instant();
        List<SegmentMessage> messages = parser.parseBatch(reader.read(body, encoding), receivedAt);
        return success(ingest.accept(messages, receivedAt));
    }
}
