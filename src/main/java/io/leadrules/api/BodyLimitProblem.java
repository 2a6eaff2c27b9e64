package io.leadrules.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than the HTTP limit ({@code quarkus.http.limits.max-body-size}) is refused before it is
 * read, by Quarkus with a bare 413. This route runs just before Quarkus' own check (order -2) and refuses it the
 * same way (413, connection closed) but with a problem body saying what the limit is. Segment's own limits (32 KB
 * per event, 500 KB per request) are far below it and answer 400 from the ingest resource.
 */
@ApplicationScoped
public class BodyLimitProblem {

    /** Before Quarkus' max-body-size route, which has order -2. */
    static final int ORDER = -3;

    private final long maxBytes;
    private final byte[] body;

    public BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                            MemorySize max, ObjectMapper mapper) throws JsonProcessingException {
        this.maxBytes = max.asLongValue();
        this.body = mapper.writeValueAsBytes(Problem.of("payload-too-large", "Payload too large", 413,
                "The request body is larger than " + maxBytes + " bytes, the most this service reads"
                        + " (config quarkus.http.limits.max-body-size)"));
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declared(length) > maxBytes) {
            // The unread body would otherwise follow on this connection: close it once answered, as Quarkus does.
            ctx.response().endHandler(done -> ctx.request().connection().close());
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(body));
            return;
        }
        ctx.next();
    }

    /** A malformed length is left to Quarkus. */
    private static long declared(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
