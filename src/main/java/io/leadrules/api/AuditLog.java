package io.leadrules.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.SecurityContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Set;

/**
 * Logs every state-changing call with the name of the key that made it (never the key) and the route template, never
 * the raw path: {@code DELETE /leads/{id}} must not write an erased person's id or email into the logs.
 */
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("io.leadrules.audit");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerResponseFilter
    public void log(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String method = request.getMethod();
        if (READS.contains(method)) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        String key = security == null || security.getUserPrincipal() == null ? "(none)" : security.getUserPrincipal().getName();
        LOG.infof("%s %s by key %s: %d", method, route(resource), key, response.getStatus());
    }

    /** The matched endpoint's path template ({@code /leads/{id}}), or "(no endpoint)" when none matched. */
    static String route(ResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return "(no endpoint)";
        }
        jakarta.ws.rs.Path type = resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
        jakarta.ws.rs.Path method = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(jakarta.ws.rs.Path.class);
        return (type == null ? "" : type.value()) + (method == null ? "" : method.value());
    }
}
