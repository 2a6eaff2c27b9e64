package io.leadrules.api;

import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * {@code POST /logout}: ends a browser's signed-in session (drops the session cookie) and shows the sign-in page.
 * Open to all: signing out needs no role, and without a session it changes nothing.
 */
@Path("/logout")
@PermitAll
public class SignOutResource {

    @POST
    public Response signOut(RoutingContext context) {
        FormAuthenticationMechanism.logout(context);
        return Response.seeOther(URI.create("/login.html?signed-out")).build();
    }
}
