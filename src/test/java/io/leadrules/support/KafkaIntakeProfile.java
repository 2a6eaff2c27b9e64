package io.leadrules.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Kafka intake on, against a real broker started in the test JVM ({@link KafkaBroker}). */
public class KafkaIntakeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // The broker and the clients log every start, stop and configuration at INFO.
        return Map.of("quarkus.log.category.\"kafka\".level", "WARN",
                "quarkus.log.category.\"org.apache.kafka\".level", "WARN");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBroker.Resource.class));
    }
}
