package io.leadrules.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests written byte for byte: an empty header, a request target with raw garbage, a body that
 * contradicts its headers. HTTP clients (and Rest Assured) tidy exactly those up, so malformed requests go this way.
 */
public final class RawHttp {

    /** An answer: status, headers (names in lower case; the last of a repeated one) and the body, de-chunked. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * @param target  the request target as sent: path and query, not encoded or checked
     * @param headers name and value pairs, sent as given (a null value sends {@code "Name:"})
     * @param body    sent with its Content-Length; null: no body and no Content-Length
     */
    public static Response send(URL root, String method, String target, List<String[]> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(root.getHost()).append(':').append(root.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            for (String[] header : headers) {
                head.append(header[0]).append(':').append(header[1] == null ? "" : " " + header[1]).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(readAtMost(socket.getInputStream()));
        }
    }

    /** Answers over this size are a fault of their own: a test must not run out of memory reading one. */
    private static final int MAX_ANSWER = 32 * 1024 * 1024;

    private static byte[] readAtMost(java.io.InputStream in) throws IOException {
        byte[] answer = in.readNBytes(MAX_ANSWER + 1);
        if (answer.length > MAX_ANSWER) {
            throw new IOException("The answer is larger than " + MAX_ANSWER + " bytes");
        }
        return answer;
    }

    private static Response parse(byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("No complete HTTP answer: " + new String(raw, StandardCharsets.UTF_8));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            // Linear: a streamed answer comes in many small chunks.
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            if (lineEnd + 1 >= chunked.length) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            at = lineEnd + 2;
            if (length == 0) {
                break;
            }
            out.write(chunked, at, Math.min(length, chunked.length - at));
            at += length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
