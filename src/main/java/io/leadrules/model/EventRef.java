package io.leadrules.model;

import java.time.Instant;

/** The events behind a rule hit, as the explanation names them. */
public record EventRef(String id, String type, Instant timestamp) {

    public static EventRef of(Event event) {
        return new EventRef(event.getId(), event.getType(), event.getTimestamp());
    }
}
