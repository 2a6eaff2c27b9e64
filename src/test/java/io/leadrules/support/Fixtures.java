package io.leadrules.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Segment payloads from {@code src/test/resources/segment/}. They hold {@code ${name}} placeholders (lead id,
 * message ids, times) so each test, and each run against a kept PostgreSQL, uses its own leads.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static String segment(String name, Map<String, String> values) {
        String text = read("segment/" + name);
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        if (text.contains("${")) {
            throw new IllegalArgumentException(name + " has an unfilled placeholder: " + text);
        }
        return text;
    }

    /** Any text fixture under {@code src/test/resources/} with its {@code ${name}} placeholders filled. */
    public static String text(String resource, Map<String, String> values) {
        String text = read(resource);
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        if (text.contains("${")) {
            throw new IllegalArgumentException(resource + " has an unfilled placeholder: " + text);
        }
        return text;
    }

    /** A lead id no other test or run uses. */
    public static String uniqueLead(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String read(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
