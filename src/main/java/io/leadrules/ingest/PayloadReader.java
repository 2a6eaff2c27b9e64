package io.leadrules.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a Segment request body whatever it is labelled: gzip when {@code Content-Encoding: gzip} says so (or the
 * bytes start with the gzip magic), JSON whatever the {@code Content-Type} (some clients send
 * {@code application/x-www-form-urlencoded} or {@code text/plain}). The size limit applies after decompression,
 * and reading stops there, so a small gzip bomb cannot fill memory.
 */
@ApplicationScoped
public class PayloadReader {

    private final IngestConfig config;
    private final ObjectMapper mapper;

    public PayloadReader(IngestConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    public JsonNode read(InputStream body, String contentEncoding) throws IOException {
        byte[] bytes = readBounded(decoded(body, contentEncoding));
        if (bytes.length == 0) {
            throw new InvalidMessageException(null, "The request body is empty; a JSON object is required");
        }
        JsonNode node = mapper.readTree(bytes);
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException(null, "The request body must be a JSON object");
        }
        return node;
    }

    private InputStream decoded(InputStream body, String contentEncoding) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body == null ? InputStream.nullInputStream() : body);
        in.mark(2);
        boolean magic = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        boolean gzip = magic || (contentEncoding != null && contentEncoding.toLowerCase().contains("gzip"));
        if (!gzip) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (ZipException | java.io.EOFException e) {
            throw new InvalidMessageException(null, "Content-Encoding is gzip but the body is not gzip data: "
                    + e.getMessage());
        }
    }

    private byte[] readBounded(InputStream in) throws IOException {
        int limit = config.maxRequestBytes();
        try {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new PayloadTooLargeException(null, limit, "The request body is larger than " + limit
                        + " bytes (after decompression); the limit per request is " + limit
                        + " bytes (config leadrules.ingest.max-request-bytes). Split the batch.");
            }
            return bytes;
        } catch (ZipException | java.io.EOFException e) {
            throw new InvalidMessageException(null, "The gzip body is corrupt or truncated: " + e.getMessage());
        }
    }
}
