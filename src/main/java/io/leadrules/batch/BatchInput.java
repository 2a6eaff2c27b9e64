package io.leadrules.batch;

import io.leadrules.model.Event;
import io.leadrules.model.Lead;

import java.time.Instant;
import java.util.List;

/** One line of a batch, read: the lead, its events and the instant to score at. */
public record BatchInput(Lead lead, List<Event> events, Instant asOf) {
}
