package io.leadrules.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * The calls whose body can only be JSON take it as JSON when the client did not say what it sends: no
 * Content-Type, curl's {@code -d} default ({@code application/x-www-form-urlencoded}) or {@code text/plain}.
 * Refusing those with a 415 would fail the first curl line most people type; a body that is not JSON still gets
 * the 400 that names what is wrong with it.
 */
public class JsonByDefault {

    private static final Pattern JSON_ONLY = Pattern.compile(
            "/(score|rules/validate|rules/preview|rules/reload|rules/versions/[^/]+/activate|calibration/backtest)/?");

    @ServerRequestFilter(preMatching = true)
    public void readAsJson(ContainerRequestContext request) {
        // Cheapest test first: almost every request declares JSON (or is a GET) and is done here.
        MediaType type = request.getMediaType();
        boolean undeclared = type == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.TEXT_PLAIN_TYPE);
        if (undeclared && HttpMethod.POST.equals(request.getMethod())
                && JSON_ONLY.matcher(request.getUriInfo().getPath()).matches()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
