package io.leadrules.profile;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/** How identify traits become lead fields: {@code leadrules.ingest.traits.<trait>=<lead field>}. */
@ConfigMapping(prefix = "leadrules.ingest")
public interface TraitMappingConfig {

    /** Trait (a dotted path for nested traits: "address.country") to a lead field, or {@code attributes.<name>}. */
    Map<String, String> traits();
}
