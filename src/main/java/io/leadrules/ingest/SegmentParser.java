package io.leadrules.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrules.model.Instants;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Validates Segment HTTP Tracking API messages and maps them onto {@link SegmentMessage}: the lead is
 * {@code userId}, else {@code anonymousId}; a page call becomes the event type configured for its name or path
 * ({@code leadrules.ingest.page-events}), else "Page Viewed"; a screen call "Screen Viewed". A message is placed
 * by its own {@code timestamp} (else {@code originalTimestamp}, else the time it was received); a time in the
 * future of its arrival is taken as the arrival time, since the client's clock is wrong.
 */
@ApplicationScoped
public class SegmentParser {

    public static final Set<String> KINDS = Set.of("identify", "track", "page", "screen", "group", "alias");
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int MAX_ID = 255;

    private final IngestConfig config;
    private final ObjectMapper mapper;
    /** {@code leadrules.ingest.page-events} by normalized page name or path (see {@link #pageKey}). */
    private final Map<String, String> pageEvents = new HashMap<>();

    public SegmentParser(IngestConfig config, ObjectMapper mapper) {
        this.config = config;
        config.pageEvents().forEach((page, type) -> pageEvents.put(pageKey(page), type));
        this.mapper = mapper;
    }

    /** {@code POST /v1/batch}: every item with a known {@code type}; items of other types are skipped. */
    public List<SegmentMessage> parseBatch(JsonNode body, Instant receivedAt) {
        JsonNode batch = body.get("batch");
        if (batch == null || !batch.isArray()) {
            throw new InvalidMessageException("batch", "A batch needs a \"batch\" array of messages");
        }
        List<SegmentMessage> messages = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String where = "batch[" + i + "]";
            JsonNode item = batch.get(i);
            if (!item.isObject()) {
                throw new InvalidMessageException(where, where + " is not a JSON object");
            }
            checkSize(item, where);
            String kind = text(item, "type");
            if (kind == null) {
                throw new InvalidMessageException(where + ".type", where + " has no \"type\" (identify, track, page...)");
            }
            if (KINDS.contains(kind.toLowerCase(Locale.ROOT))) {
                messages.add(parse(withBatchContext((ObjectNode) item, body), kind.toLowerCase(Locale.ROOT),
                        where + ".", receivedAt));
            }
        }
        return messages;
    }

    /** {@code POST /v1/identify}, {@code /v1/track}, {@code /v1/page}: the kind comes from the path. */
    public SegmentMessage parseSingle(JsonNode body, String kind, Instant receivedAt) {
        checkSize(body, null);
        return parse(body, kind, "", receivedAt);
    }

    private SegmentMessage parse(JsonNode m, String kind, String prefix, Instant receivedAt) {
        List<String> personIds = personIds(m, kind, prefix);
        String leadId = personIds.get(0);
        String messageId = id(m, "messageId", prefix);
        if (messageId == null) {
            messageId = UUID.randomUUID().toString();
        }
        Instant timestamp = timestamp(m, prefix, receivedAt);
        return switch (kind) {
            case "identify", "group" -> new SegmentMessage(kind, leadId, personIds, messageId, null, timestamp,
                    object(m, "traits", prefix), m.toString());
            case "track" -> new SegmentMessage(kind, leadId, personIds, messageId, eventName(m, prefix), timestamp,
                    object(m, "properties", prefix), m.toString());
            case "page", "screen" -> viewed(m, kind, personIds, messageId, timestamp, prefix);
            case "alias" -> new SegmentMessage(kind, leadId, personIds, messageId, null, timestamp,
                    previousId(m), m.toString());
            default -> throw new InvalidMessageException(prefix + "type", "Unknown message type \"" + kind + "\"");
        };
    }

    private SegmentMessage viewed(JsonNode m, String kind, List<String> personIds, String messageId,
                                  Instant timestamp, String prefix) {
        Map<String, Object> properties = object(m, "properties", prefix);
        String name = text(m, "name");
        if (name == null && properties.get("name") != null) {
            name = properties.get("name").toString();
        }
        if (name != null) {
            properties.putIfAbsent("name", name);
        }
        String category = text(m, "category");
        if (category != null) {
            properties.putIfAbsent("category", category);
        }
        Object path = properties.get("path");
        String type = name != null && pageEvents.containsKey(pageKey(name)) ? pageEvents.get(pageKey(name))
                : path != null && pageEvents.containsKey(pageKey(path.toString())) ? pageEvents.get(pageKey(path.toString()))
                : "page".equals(kind) ? "Page Viewed" : "Screen Viewed";
        return new SegmentMessage(kind, personIds.get(0), personIds, messageId, type, timestamp, properties,
                m.toString());
    }

    /**
     * A page name or path as sites send it in many spellings: "Pricing", "pricing", "/pricing/", "/pricing?plan=pro"
     * are one page. Case, surrounding blanks, the query, the fragment and a trailing slash do not count.
     */
    static String pageKey(String page) {
        String key = page.strip().toLowerCase(Locale.ROOT);
        int cut = key.indexOf('?') >= 0 ? key.indexOf('?') : key.indexOf('#');
        if (cut >= 0) {
            key = key.substring(0, cut);
        }
        while (key.length() > 1 && key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }

    /**
     * The ids of a person the message names, the lead's first: {@code userId} (else {@code anonymousId}), then
     * {@code anonymousId} when both are sent, then an alias' {@code previousId}.
     */
    private static List<String> personIds(JsonNode m, String kind, String prefix) {
        String userId = id(m, "userId", prefix);
        String leadId = userId != null ? userId : id(m, "anonymousId", prefix);
        if (leadId == null) {
            throw new InvalidMessageException(prefix + "userId", prefix + "userId or " + prefix
                    + "anonymousId is required");
        }
        List<String> ids = new ArrayList<>(3);
        ids.add(leadId);
        // The other ids name the person, not the lead: taken as sent, without the lead id's checks, so a message
        // accepted before is accepted still.
        if (userId != null) {
            addOtherId(ids, text(m, "anonymousId"));
        }
        if ("alias".equals(kind)) {
            addOtherId(ids, text(m, "previousId"));
        }
        return List.copyOf(ids);
    }

    private static void addOtherId(List<String> ids, String id) {
        if (id != null && !id.isBlank() && !ids.contains(id.trim())) {
            ids.add(id.trim());
        }
    }

    private String eventName(JsonNode m, String prefix) {
        String event = text(m, "event");
        if (event == null || event.isBlank()) {
            throw new InvalidMessageException(prefix + "event", "A track call needs \"event\" (the event name)");
        }
        if (event.length() > MAX_ID) {
            throw new InvalidMessageException(prefix + "event", "\"event\" is longer than " + MAX_ID + " characters");
        }
        return event;
    }

    private Instant timestamp(JsonNode m, String prefix, Instant receivedAt) {
        for (String field : List.of("timestamp", "originalTimestamp")) {
            String value = text(m, field);
            if (value != null && !value.isBlank()) {
                Instant at = parseInstant(value, prefix + field);
                return at.isAfter(receivedAt) ? receivedAt : at;
            }
        }
        return receivedAt;
    }

    private static Instant parseInstant(String value, String field) {
        try {
            return Instants.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(field, "\"" + field + "\" is not an ISO-8601 date-time with an offset: \""
                    + value + "\" (e.g. 2026-11-23T10:15:30.000Z)");
        }
    }

    private void checkSize(JsonNode event, String where) {
        int limit = config.maxEventBytes();
        int size;
        try {
            size = mapper.writeValueAsBytes(event).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (size > limit) {
            String which = where == null ? "The event" : where;
            throw new PayloadTooLargeException(where, limit, which + " is " + size + " bytes; the limit per event is "
                    + limit + " bytes (config leadrules.ingest.max-event-bytes)");
        }
    }

    /** A batch may carry context and integrations once for all of its messages. */
    private static JsonNode withBatchContext(ObjectNode item, JsonNode body) {
        if (!item.has("context") && body.has("context")) {
            ObjectNode copy = item.deepCopy();
            copy.set("context", body.get("context"));
            return copy;
        }
        return item;
    }

    private Map<String, Object> object(JsonNode m, String field, String prefix) {
        JsonNode value = m.get(field);
        if (value == null || value.isNull()) {
            JsonNode fromContext = "traits".equals(field) ? m.path("context").get("traits") : null;
            value = fromContext != null && fromContext.isObject() ? fromContext : null;
        }
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!value.isObject()) {
            throw new InvalidMessageException(prefix + field, "\"" + field + "\" must be a JSON object");
        }
        return mapper.convertValue(value, MAP);
    }

    private Map<String, Object> previousId(JsonNode m) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String previous = text(m, "previousId");
        if (previous != null) {
            properties.put("previousId", previous);
        }
        return properties;
    }

    /** An id field: a string or a number (some clients send numeric user ids); blank counts as missing. */
    private static String id(JsonNode m, String field, String prefix) {
        JsonNode value = m.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new InvalidMessageException(prefix + field, "\"" + field + "\" must be a string");
        }
        String text = value.asText().trim();
        if (text.length() > MAX_ID) {
            throw new InvalidMessageException(prefix + field, "\"" + field + "\" is longer than " + MAX_ID
                    + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static String text(JsonNode m, String field) {
        JsonNode value = m.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
