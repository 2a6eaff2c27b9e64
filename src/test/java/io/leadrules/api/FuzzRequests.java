package io.leadrules.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrules.support.Fixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Malformed variants of valid requests, drawn from one {@link Random}: the same seed gives the same requests. Valid
 * bodies come from the fixtures under {@code src/test/resources}; each request then gets a mutated body, headers
 * and query string.
 */
final class FuzzRequests {

    /** A request as written on the wire. */
    record FuzzRequest(String method, String target, List<String[]> headers, byte[] body) {

        /** Method, target, headers and the start of the body, escaped: enough to send it again by hand. */
        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(abbreviate(target, 300));
            for (String[] h : headers) {
                text.append("\n    ").append(h[0]).append(": ").append(h[1] == null ? "" : abbreviate(h[1], 120));
            }
            if (body != null) {
                text.append("\n    body (").append(body.length).append(" bytes): ").append(escape(body, 240));
            }
            return text.toString();
        }
    }

    static final String WRITE_KEY_BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("dev-write-key:".getBytes(StandardCharsets.US_ASCII));
    static final String ADMIN = "Bearer dev-admin-key";
    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String[] CONTENT_TYPES = {"", "garbage", "a/b/c", "application/json; charset=utf-16",
            "application/json; charset=nonsense", "multipart/form-data", "multipart/form-data; boundary=fuzz",
            "text/csv", "application/x-ndjson", "text/plain", "application/x-www-form-urlencoded",
            "application/octet-stream", "application/xml", "*/*", "application/json;;;", "application/json"};
    private static final String[] ACCEPTS = {"*/*", "garbage", "text/html", "text/csv", "application/csv",
            "application/json;q=0", "text/x-diff", "image/png", "", "text/html;q=x, */*;q=0.1", "a/b/c"};
    private static final String[] ENCODINGS = {"gzip", "deflate", "br", "garbage", "gzip, gzip", ""};
    private static final String[] ODD_VALUES = {"", " ", "abc", "-1", "0", "1e999", "99999999999999999999",
            "NaN", "2026-13-45", "9999-12-31T23:59:59Z", "-999999999-01-01", "2026-11-23T10:15:30", "+", "%", "%zz",
            "%00", "%FF%FE", "%C3%28", "%ED%A0%80", "..%2F..%2F", "' OR 1=1 --", "<script>", "\u202e\u0000",
            "😀", "industry:", ":", "attributes.", "json", "CSV", "html,csv", "null", "true", "[]", "{}"};
    private static final String[] GARBAGE_TEXT = {"😀", "\u0000", "\u202e", "\uFEFF", "\\u0000", "\"", "\\",
            "\u00e9", "\ud83d", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "null", "\r\n", "}", "]", ","};

    private final Random random;
    private final String version;
    private final Map<String, List<String>> bodies;
    private int serial;

    /** @param version the active ruleset's version, for paths and filters that name one */
    FuzzRequests(Random random, String version) {
        this.random = random;
        this.version = version;
        this.bodies = Map.of(
                "score", texts("requests"),
                "segment", texts("segment").stream().filter(t -> !t.contains("\"batch\"")).toList(),
                "batch", texts("segment").stream().filter(t -> t.contains("\"batch\"")).toList(),
                "outcomes", texts("outcomes"),
                "rules", rulesBodies(),
                "backtest", backtestBodies());
    }

    FuzzRequest next(FuzzEndpoints.Endpoint endpoint) {
        serial++;
        List<String[]> headers = new ArrayList<>();
        authorization(endpoint, headers);
        byte[] body = null;
        boolean sendsBody = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")
                || random.nextInt(10) == 0;
        if (sendsBody) {
            String contentType = contentType(endpoint);
            if (endpoint.consumes().contains("multipart/form-data") && random.nextBoolean()) {
                String boundary = "fuzz" + random.nextInt(1000);
                contentType = "multipart/form-data; boundary=" + boundary;
                body = mutate(multipart(boundary));
            } else {
                body = mutate(fill(pick(bodiesFor(endpoint.template()))).getBytes(StandardCharsets.UTF_8));
            }
            if (contentType != null) {
                headers.add(new String[]{"Content-Type", contentType.isEmpty() ? null : contentType});
            }
            if (random.nextInt(8) == 0) {
                headers.add(new String[]{"Content-Encoding", pick(ENCODINGS)});
                if (random.nextBoolean()) {
                    body = Fixtures.gzip(new String(body, StandardCharsets.UTF_8));
                }
            }
        }
        if (random.nextInt(4) == 0) {
            headers.add(new String[]{"Accept", pick(ACCEPTS)});
        }
        return new FuzzRequest(endpoint.method(), path(endpoint.template()) + query(endpoint.queryNames()), headers,
                body);
    }

    // --- Headers ---

    /** Mostly the right key (the admin key has every role; ingestion takes the write key), sometimes a wrong one. */
    private void authorization(FuzzEndpoints.Endpoint endpoint, List<String[]> headers) {
        String right = endpoint.template().startsWith("/v1/") ? WRITE_KEY_BASIC : ADMIN;
        switch (random.nextInt(20)) {
            case 0 -> { }
            case 1 -> headers.add(new String[]{"Authorization", pick(new String[]{"Bearer ", "Basic !!!", "Basic",
                    "Bearer " + "k".repeat(5000), "Basic " + Base64.getEncoder().encodeToString(new byte[]{0, -1, 58}),
                    ""})});
            default -> headers.add(new String[]{"Authorization", right});
        }
    }

    /** The type the endpoint takes half the time, else a wrong, empty or malformed one; null: no header. */
    private String contentType(FuzzEndpoints.Endpoint endpoint) {
        int roll = random.nextInt(10);
        if (roll < 5 && !endpoint.consumes().isEmpty()) {
            return pick(endpoint.consumes().toArray(String[]::new));
        }
        return roll == 9 ? null : pick(CONTENT_TYPES);
    }

    // --- Path and query ---

    private String path(String template) {
        Matcher param = Pattern.compile("\\{(\\w+)(?:\\s*:\\s*([^}]+))?}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (param.find()) {
            String value;
            if (random.nextInt(6) == 0) {
                value = encode(pick(ODD_VALUES)) + (random.nextBoolean() ? "" : "x".repeat(random.nextInt(400)));
            } else if (param.group(2) != null) {
                value = pick(param.group(2).split("\\|"));
            } else {
                value = switch (param.group(1)) {
                    case "id" -> lead();
                    case "v", "w" -> random.nextBoolean() ? version : "0123456789ab";
                    default -> "x";
                };
            }
            param.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        param.appendTail(path);
        return path.toString();
    }

    private String query(List<String> names) {
        List<String> pairs = new ArrayList<>();
        for (String name : names) {
            if (random.nextInt(10) < 6) {
                pairs.add(name + "=" + queryValue(name));
                if (random.nextInt(15) == 0) {
                    pairs.add(name + "=" + queryValue(name));   // repeated
                }
            }
        }
        if (random.nextInt(6) == 0) {
            pairs.add(encode(pick(ODD_VALUES)) + "=" + queryValue("x"));
        }
        if (random.nextInt(30) == 0) {
            pairs.add("q=" + "a".repeat(random.nextInt(10_000)));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String queryValue(String name) {
        int roll = random.nextInt(10);
        if (roll < 5) {
            return encode(switch (name) {
                case "from", "to", "since", "asOf", "baselineFrom" -> pick(new String[]{"2026-11-01",
                        "2026-11-23T10:15:30Z", "2026-11-23T10:15:30+01:00", "11", "2026-11-01T00:00:00.000Z"});
                case "limit" -> pick(new String[]{"1", "10", "500", "5000"});
                case "version" -> version;
                case "segment" -> pick(new String[]{"industry:Apparel", "attributes.plan:growth", "employees:200",
                        "gmv:1e9", "country:US"});
                case "format" -> pick(new String[]{"json", "csv", "html", "HTML"});
                case "table" -> pick(new String[]{"rules", "pairs", "categories", "distribution", "summary"});
                case "file" -> pick(new String[]{"fit.drl", "intent.drl", "tests/ideal-buyer-fit-only.yaml"});
                case "leadId", "after" -> lead();
                default -> "x";
            });
        }
        if (roll < 8) {
            return encode(pick(ODD_VALUES));
        }
        // Raw: not encoded at all, as a careless client sends it.
        return pick(new String[]{"%", "%zz", "a b", "😀", "a&b=c", "#frag", "%%%", "2026-11-23T10:15:30+01:00"});
    }

    // --- Bodies ---

    private List<String> bodiesFor(String template) {
        if (template.equals("/score")) {
            return bodies.get("score");
        }
        if (template.startsWith("/v1/batch")) {
            return bodies.get("batch");
        }
        if (template.startsWith("/v1/")) {
            return bodies.get("segment");
        }
        if (template.startsWith("/outcomes")) {
            return bodies.get("outcomes");
        }
        if (template.startsWith("/calibration")) {
            return bodies.get("backtest");
        }
        if (template.startsWith("/rules") || template.startsWith("/reports/preview")) {
            return bodies.get("rules");
        }
        // An endpoint nobody taught the fuzzer about: any body of any other.
        return bodies.values().stream().flatMap(List::stream).sorted().toList();
    }

    private byte[] mutate(byte[] valid) {
        byte[] body = valid;
        int rounds = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < rounds; i++) {
            body = switch (random.nextInt(10)) {
                case 0 -> flipBits(body);
                case 1 -> body.length == 0 ? body : java.util.Arrays.copyOf(body, random.nextInt(body.length));
                case 2 -> concat(new byte[1 + random.nextInt(4)], body);
                case 3 -> replaceNumber(body);
                case 4 -> wrongType(body);
                case 5 -> insert(body, pick(GARBAGE_TEXT).getBytes(StandardCharsets.UTF_8));
                case 6 -> insert(body, new byte[]{(byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF});
                case 7 -> deep(body);
                case 8 -> random.nextBoolean() ? new byte[0] : randomBytes();
                default -> duplicated(body);
            };
        }
        return body;
    }

    private byte[] flipBits(byte[] body) {
        byte[] copy = body.clone();
        for (int i = 0, n = 1 + random.nextInt(5); i < n && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] replaceNumber(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher number = NUMBER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (number.find()) {
            spans.add(new int[]{number.start(), number.end()});
        }
        if (spans.isEmpty()) {
            return body;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String huge = pick(new String[]{"1e999999999", "-1e-999999999", "99999999999999999999999999999",
                "9".repeat(1500), "1" + "0".repeat(400), "-0", "0.0000000000000000001", "2147483648", "NaN",
                "Infinity"});
        return (text.substring(0, span[0]) + huge + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    /** One value of the JSON replaced by a value of another type. */
    private byte[] wrongType(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return body;
        }
        List<Runnable> replacements = new ArrayList<>();
        collect(root, replacements);
        if (replacements.isEmpty()) {
            return body;
        }
        replacements.get(random.nextInt(replacements.size())).run();
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(JsonNode node, List<Runnable> replacements) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                replacements.add(() -> object.set(name, otherValue()));
                collect(object.get(name), replacements);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                replacements.add(() -> array.set(index, otherValue()));
                collect(array.get(i), replacements);
            }
        }
    }

    private JsonNode otherValue() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(8)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextLong());
            case 3 -> f.numberNode(new java.math.BigDecimal("1e999999"));
            case 4 -> f.textNode(pick(ODD_VALUES));
            case 5 -> f.arrayNode().add(f.objectNode());
            case 6 -> f.objectNode().put("x", 1);
            default -> f.textNode("x".repeat(random.nextInt(70_000)));
        };
    }

    private byte[] deep(byte[] body) {
        int depth = 500 + random.nextInt(5000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return concat(open.repeat(depth).getBytes(StandardCharsets.UTF_8),
                concat(body, close.repeat(depth).getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] duplicated(byte[] body) {
        return concat(body, body);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] insert(byte[] body, byte[] text) {
        int at = body.length == 0 ? 0 : random.nextInt(body.length);
        return concat(concat(java.util.Arrays.copyOf(body, at), text),
                java.util.Arrays.copyOfRange(body, at, body.length));
    }

    private byte[] multipart(String boundary) {
        String drl = read("preview/industry-bonus.drl");
        String outcomes = fill(read("outcomes/batch.csv"));
        String name = pick(new String[]{"files", "file", "key", ""});
        String file = pick(new String[]{"industry-bonus.drl", "outcomes.csv", "x.json", "../x.drl", "", "a\"b.drl"});
        String text = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\ndev-admin-key\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + (random.nextBoolean() ? drl : outcomes)
                + "\r\n--" + boundary + "--\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> rulesBodies() {
        try {
            String drl = read("preview/industry-bonus.drl");
            return List.of(read("lifecycle/validate-broken.json"), read("lifecycle/validate-scenarios.json"), "{}",
                    JSON.writeValueAsString(Map.of("files", Map.of("bonus.drl", drl))),
                    JSON.writeValueAsString(Map.of("files", List.of(Map.of("path", "bonus.drl", "content", drl)),
                            "scenarios", List.of())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> backtestBodies() {
        try {
            return List.of(read("calibration/live-leads.json"),
                    JSON.writeValueAsString(Map.of("csv", read("calibration/small.csv"),
                            "mapping", read("calibration/small.yaml"))),
                    JSON.writeValueAsString(Map.of("rules", List.of(Map.of("path", "points.drl",
                                    "content", read("calibration/rules/points.drl"))),
                            "csv", read("calibration/small.csv"), "mapping", read("calibration/small.yaml"),
                            "bandShares", List.of(0.5), "threshold", 5)),
                    "{\"source\": \"stored\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Placeholders of the Segment and outcome fixtures, filled with the fuzzer's own leads and ids. */
    private String fill(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = switch (placeholder.group(1)) {
                case "msg" -> "fuzz-msg-" + serial + "-" + random.nextInt(1000);
                case "event" -> "Email Opened";
                case "industry" -> "Apparel";
                case "name" -> "Pricing";
                case "path" -> "/pricing";
                case "title" -> "CMO";
                case "padding" -> "x".repeat(random.nextInt(100));
                default -> placeholder.group(1).startsWith("ts") ? "2026-11-2" + random.nextInt(10) + "T10:00:00Z"
                        : lead();
            };
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    /** A few leads only, so reads, erasures and outcomes meet leads that ingestion made. */
    private String lead() {
        return "fuzz-lead-" + random.nextInt(8);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static List<String> texts(String folder) {
        try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
            return files.sorted().map(f -> read(folder + "/" + f.getFileName())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        try {
            return Files.readString(RESOURCES.resolve(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " chars)";
    }

    private static String escape(byte[] body, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(body.length, max); i++) {
            int b = body[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F && b != '\\' ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return body.length > max ? text + "..." : text.toString();
    }
}
