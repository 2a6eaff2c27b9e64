package io.leadrules.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets an {@link AdminOnly} call through only with {@code Authorization: Bearer <leadrules.admin-key>}. The key is
 * compared in constant time, so response timing does not leak how much of a guess was right.
 */
@Provider
@AdminOnly
public class AdminKeyFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AdminKeyFilter.class);
    private static final String BEARER = "Bearer ";

    /** Resolved at the first request: the filter is built before runtime config is available. */
    private final Instance<AdminConfig> config;

    public AdminKeyFilter(Instance<AdminConfig> config) {
        this.config = config;
    }

    static void warnOnDefaultKey(@Observes StartupEvent started, AdminConfig config) {
        if (AdminConfig.DEFAULT_KEY.equals(config.adminKey())) {
            LOG.warn("leadrules.admin-key is the documented default \"" + AdminConfig.DEFAULT_KEY
                    + "\": set your own before exposing the service");
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String key = bearerKey(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (key == null) {
            throw new AdminKeyRequiredException("This call needs the admin key: send \"Authorization: Bearer <key>\" "
                    + "(config leadrules.admin-key)");
        }
        if (!isAdminKey(key, config.get())) {
            throw new AdminKeyRequiredException("The admin key is wrong");
        }
    }

    /** The key of an {@code Authorization: Bearer <key>} header, or null when there is none. */
    static String bearerKey(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    /** Constant-time comparison; also used by the preview form, which takes the key as a form field. */
    static boolean isAdminKey(String given, AdminConfig config) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.adminKey().getBytes(StandardCharsets.UTF_8));
    }
}
