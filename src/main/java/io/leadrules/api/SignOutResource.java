package io.leadrules.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * {@code POST /logout}: ends a browser's signed-in session by expiring its session cookie, and shows the sign-in
 * page. Open to all: signing out needs no role, and without a session it changes nothing.
 */
@Path("/logout")
@PermitAll
public class SignOutResource {

    /** The form authentication's session cookie, as configured (Quarkus' default name otherwise). */
    private final String cookieName;

    public SignOutResource(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name",
            defaultValue = "quarkus-credential") String cookieName) {
        this.cookieName = cookieName;
    }

    @POST
    public Response signOut() {
        NewCookie expired = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login.html?signed-out")).cookie(expired).build();
    }
}
