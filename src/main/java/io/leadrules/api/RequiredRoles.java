package io.leadrules.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;

import java.lang.reflect.Method;
import java.util.Optional;

/** The roles an endpoint allows, from its method's or else its class's {@code @RolesAllowed}, for error details. */
final class RequiredRoles {

    private RequiredRoles() {
    }

    static Optional<String> of(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? Optional.empty() : Optional.of("role " + String.join(" or ", allowed.value())
                + ", or one that includes it");
    }
}
