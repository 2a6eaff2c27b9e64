package io.leadrules.api;

import io.leadrules.limits.HeavyCall;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every endpoint the service serves, read from the JAX-RS annotations of the resource classes in
 * {@code io.leadrules.api}: a new resource or method is fuzzed without touching the fuzzer.
 */
final class FuzzEndpoints {

    /**
     * One method and path template.
     *
     * @param template   the full path with its parameters as written: {@code /leads/{id}}, {@code /v1/{kind: a|b}}
     * @param consumes   the media types of {@code @Consumes} (method's, else class's); empty: any
     * @param queryNames the names of its {@code @QueryParam}s
     * @param heavy      a {@link HeavyCall}: it compiles rules or runs many leads, so it costs seconds, not ms
     */
    record Endpoint(String method, String template, List<String> consumes, List<String> queryNames, boolean heavy) {

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private FuzzEndpoints() {
    }

    static List<Endpoint> discover() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            Path root = type.getAnnotation(Path.class);
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                List<String> queryNames = Stream.of(method.getParameters())
                        .map(p -> p.getAnnotation(QueryParam.class)).filter(q -> q != null).map(QueryParam::value)
                        .toList();
                endpoints.add(new Endpoint(http, join(root.value(), sub == null ? "" : sub.value()),
                        consumes == null ? List.of() : List.of(consumes.value()), queryNames,
                        method.isAnnotationPresent(HeavyCall.class)));
            }
        }
        // The order decides which endpoint a seed draws: make it independent of reflection's.
        endpoints.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::method));
        return endpoints;
    }

    /**
     * The endpoints to draw from, each light one {@code lightWeight} times: heavy calls take a second or more each
     * (compiling a ruleset), so drawn as often as the rest they would take most of the fuzzing time.
     */
    static List<Endpoint> weighted(List<Endpoint> endpoints, int lightWeight) {
        List<Endpoint> draw = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (int i = 0; i < (endpoint.heavy() ? 1 : lightWeight); i++) {
                draw.add(endpoint);
            }
        }
        return draw;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The classes of {@code io.leadrules.api} (main classes, where {@link ProblemMapper} is) with a {@code @Path}. */
    private static List<Class<?>> resourceClasses() {
        URL folder = ProblemMapper.class.getResource("ProblemMapper.class");
        Set<String> names = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.list(Paths.get(folder.toURI()).getParent())) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .forEach(f -> names.add(f.substring(0, f.length() - ".class".length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(ProblemMapper.class.getPackageName() + "." + name, false,
                        ProblemMapper.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    classes.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }
}
