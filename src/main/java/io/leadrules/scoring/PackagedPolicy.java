package io.leadrules.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The scoring settings packaged in application.properties (threshold, minimums, fire limit, caps), for the command
 * line, which scores without starting the service but must score exactly as it would.
 */
public final class PackagedPolicy {

    private PackagedPolicy() {
    }

    /** The packaged application.properties (empty when there is none on the class path). */
    public static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = PackagedPolicy.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged application.properties", e);
        }
        return properties;
    }

    /** The scoring policy of those properties; {@code threshold} overrides leadrules.mql.threshold when given. */
    public static ScoringPolicy of(Properties defaults, Optional<BigDecimal> threshold) {
        BigDecimal mql = threshold.orElseGet(() -> new BigDecimal(defaults.getProperty("leadrules.mql.threshold", "70")));
        int maxFires = Integer.parseInt(defaults.getProperty("leadrules.engine.max-fires", "10000"));
        Map<String, BigDecimal> categoryCaps = new HashMap<>();
        String prefix = "leadrules.caps.category.";
        defaults.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> categoryCaps.put(k.substring(prefix.length()), new BigDecimal(defaults.getProperty(k))));
        Optional<BigDecimal> total = Optional.ofNullable(defaults.getProperty("leadrules.caps.total")).map(BigDecimal::new);
        MqlMinimums minimums = new MqlMinimums(
                Optional.ofNullable(defaults.getProperty("leadrules.mql.min-fit")).map(BigDecimal::new),
                Optional.ofNullable(defaults.getProperty("leadrules.mql.min-intent")).map(BigDecimal::new));
        return new ScoringPolicy(mql, maxFires, categoryCaps, total, minimums);
    }
}
