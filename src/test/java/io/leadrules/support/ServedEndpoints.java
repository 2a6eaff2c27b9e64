package io.leadrules.support;

import io.leadrules.api.ScoreResource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every REST endpoint the application serves, found by reflection over its compiled classes, so that checks over
 * all endpoints (deny by default, the OpenAPI document) cover one added later without anyone listing it.
 */
public final class ServedEndpoints {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class);
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)(?:\\s*:\\s*([^}]+))?}");

    private ServedEndpoints() {
    }

    /** One resource method: its HTTP verb, its path template (as JAX-RS joins class and method paths). */
    public record Endpoint(String verb, String path, Method method, Class<?> type) {

        public String name() {
            return verb + " " + path;
        }

        /** The template without parameter regexes: {@code /v1/{kind}}, as OpenAPI writes it. */
        public String openApiPath() {
            return TEMPLATE.matcher(path).replaceAll("{$1}");
        }

        /** A concrete URL: {@code {kind: identify|track}} takes its first choice, other parameters "x". */
        public String concretePath() {
            Matcher m = TEMPLATE.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String regex = m.group(2);
                m.appendReplacement(out, regex != null && regex.matches("[\\w|]+") ? regex.split("\\|")[0] : "x");
            }
            return m.appendTail(out).toString();
        }

        /** The roles allowed, or null for @PermitAll / nothing declared. */
        public String[] roles() {
            RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
            if (allowed == null && method.getAnnotation(PermitAll.class) == null) {
                allowed = type.getAnnotation(RolesAllowed.class);
            }
            return allowed == null ? null : allowed.value();
        }

        public boolean permitAll() {
            return method.getAnnotation(PermitAll.class) != null
                    || (method.getAnnotation(RolesAllowed.class) == null && type.getAnnotation(PermitAll.class) != null);
        }

        /** The first media type the method (or its class) consumes; JSON when it says nothing. */
        public String consumes() {
            Consumes c = method.getAnnotation(Consumes.class);
            c = c != null ? c : type.getAnnotation(Consumes.class);
            return c == null ? "application/json" : c.value()[0];
        }
    }

    public static List<Endpoint> all() {
        try {
            java.nio.file.Path classes = java.nio.file.Path.of(
                    ScoreResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Endpoint> found = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    addResourceMethods(Class.forName(name, false, ScoreResource.class.getClassLoader()), found);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addResourceMethods(Class<?> type, List<Endpoint> found) {
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
            return;
        }
        for (Method m : type.getDeclaredMethods()) {
            for (Class<? extends Annotation> verb : VERBS) {
                if (m.isAnnotationPresent(verb)) {
                    Path sub = m.getAnnotation(Path.class);
                    found.add(new Endpoint(verb.getSimpleName(), join(root.value(), sub == null ? "" : sub.value()),
                            m, type));
                }
            }
        }
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
