package io.leadrules.api;

import io.leadrules.store.InvalidQueryException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * No read takes a query parameter twice: {@code ?segment=industry:Apparel&segment=country:US} would otherwise be
 * answered for the first segment alone, looking like an answer to both. A repeated parameter is a 400 naming it.
 */
public class RepeatedQueryParameters {

    @ServerRequestFilter
    public void refuseRepeats(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters().entrySet()) {
            if (param.getValue().size() > 1) {
                throw new InvalidQueryException(param.getKey(), "\"" + param.getKey() + "\" is given "
                        + param.getValue().size() + " times (" + param.getValue() + "); give it once");
            }
        }
    }
}
