package io.leadrules.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * API keys over HTTP: {@code Authorization: Bearer <key>} everywhere, and for Segment clients HTTP Basic with the
 * write key as the user name (empty password). No header means anonymous, which every endpoint but health refuses;
 * a header with an unknown key fails at once. Its challenge is a 401 {@code application/problem+json}, except for a
 * browser asking for a page, which the form mechanism sends to the sign-in page instead.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Ahead of form authentication, so API callers get a 401 problem, not a redirect to a sign-in page. */
    private static final int PRIORITY = HttpAuthenticationMechanism.DEFAULT_PRIORITY + 100;
    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"leadrules\"";
    private static final String BASIC_CHALLENGE = "Basic realm=\"leadrules ingest\"";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** header.payload.signature in base64url: what an OIDC access token looks like, and no key of ours does. */
    private static final java.util.regex.Pattern JWT =
            java.util.regex.Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** With OIDC on, a JWT-shaped bearer token is left to Quarkus' OIDC mechanism. */
    private final boolean oidc;

    public ApiKeyAuthenticationMechanism(
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidc) {
        this.oidc = oidc;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        String key;
        try {
            key = presentedKey(header.trim());
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
        if (oidc && header.regionMatches(true, 0, BEARER, 0, BEARER.length()) && JWT.matcher(key).matches()) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key), context);
        return identities.authenticate(request);
    }

    /** The key in a Bearer header, or the user name of a Basic one (how Segment libraries send a write key). */
    static String presentedKey(String header) {
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).trim();
        }
        if (header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AuthenticationFailedException("The Basic credentials are not valid base64");
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        }
        throw new AuthenticationFailedException("Unknown Authorization scheme");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, WWW_AUTHENTICATE, challenge(context)));
    }

    /** A problem body with the challenge; nothing for a browser page, which the sign-in form answers. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (isBrowserPage(context)) {
            return Uni.createFrom().item(false);
        }
        if (!context.response().ended()) {
            context.response().setStatusCode(401)
                    .putHeader(WWW_AUTHENTICATE, challenge(context))
                    .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                    .end(problem(context));
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    private static boolean isIngest(RoutingContext context) {
        return context.normalizedPath().startsWith("/v1/");
    }

    private static String challenge(RoutingContext context) {
        return isIngest(context) ? BASIC_CHALLENGE : BEARER_CHALLENGE;
    }

    /** A person opening a page: GET, no key sent, HTML wanted. Scripts and API clients never get a redirect. */
    private static boolean isBrowserPage(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return context.request().method() == HttpMethod.GET && !isIngest(context)
                && context.request().getHeader(HttpHeaders.AUTHORIZATION) == null
                && accept != null && accept.contains("text/html");
    }

    private static String problem(RoutingContext context) {
        boolean keySent = context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        String detail;
        if (keySent) {
            detail = isIngest(context) ? "The write key sent is not valid" : "The key sent is not valid";
        } else if (isIngest(context)) {
            detail = "A write key is required: HTTP Basic auth with the write key as the user name and an empty"
                    + " password";
        } else {
            detail = "This call needs a key: send \"Authorization: Bearer <key>\" with a key that has the role it"
                    + " needs (README \"Security\")";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/unauthorized");
        body.put("title", "Unauthorized");
        body.put("status", 401);
        body.put("detail", detail);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
    }
}
