package io.leadrules.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Segment-compatible intake: who may write, how big a message may be, what page calls become. (The trait mapping,
 * {@code leadrules.ingest.traits}, belongs to the profile: see {@code io.leadrules.profile.TraitMappingConfig}.)
 */
@ConfigMapping(prefix = "leadrules.ingest")
public interface IngestConfig {

    /** Accepted write keys (the HTTP Basic user name Segment clients send): keys with the {@code ingest} role. */
    Optional<List<String>> writeKeys();

    /** Largest single event, serialized, in bytes (Segment: 32 KB). */
    @WithDefault("32768")
    int maxEventBytes();

    /** Largest request body after decompression, in bytes (Segment: 500 KB per batch). */
    @WithDefault("512000")
    int maxRequestBytes();


    /** Page name or path to the event type a page call becomes; anything else is "Page Viewed". */
    Map<String, String> pageEvents();
}
