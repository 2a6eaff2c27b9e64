package io.leadrules.ingest.kafka;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.leadrules.support.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** With the Kafka intake off (the default) the service needs no broker: it starts, and it is ready and live. */
@QuarkusTest
class KafkaIntakeOffTest {

    private static final String MESSAGING = "checks.find { it.name.startsWith('SmallRye Reactive Messaging') }";

    @Test
    void theServiceIsReadyAndLiveWithoutABroker() {
        anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(MESSAGING + ".status", equalTo("UP"))
                .body(MESSAGING + ".data", nullValue());
        anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
