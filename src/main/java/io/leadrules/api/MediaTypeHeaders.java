package io.leadrules.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code Content-Type} and {@code Accept} are parsed before anything else reads them: a value that is not a media
 * type (an empty {@code Content-Type:}, {@code Accept: ;;}) is a 400 naming the header. Left to the framework, the
 * first filter or matcher to read it failed with an internal error.
 */
public class MediaTypeHeaders {

    /** Pre-matching filters run lowest first; {@link JsonByDefault} (default priority) reads the type after this. */
    private static final int BEFORE_OTHER_FILTERS = 10;

    @ServerRequestFilter(preMatching = true, priority = BEFORE_OTHER_FILTERS)
    public void parse(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            try {
                request.getMediaType();
            } catch (IllegalArgumentException e) {
                throw new MalformedHeaderException(HttpHeaders.CONTENT_TYPE, contentType.isBlank()
                        ? "The Content-Type header is empty: leave it out or name the body's type, e.g. application/json"
                        : "The Content-Type header \"" + contentType + "\" is not a media type such as application/json");
            }
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            throw new MalformedHeaderException(HttpHeaders.ACCEPT, "The Accept header \""
                    + request.getHeaderString(HttpHeaders.ACCEPT) + "\" is not a list of media types such as"
                    + " application/json, text/html;q=0.9");
        }
    }
}
