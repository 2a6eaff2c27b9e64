package io.leadrules.profile;

import io.leadrules.model.Lead;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a lead's merged identify traits into the {@link Lead} the rules see, following
 * {@code leadrules.ingest.traits}. Traits no mapping names land in {@code attributes} unchanged. A value that
 * does not fit its field (employees "lots") leaves the field empty: the trait is still in the stored profile.
 * Created at start-up ({@code @Startup}), so a mapping to a field that does not exist stops the service there with
 * the list of fields, instead of failing every ingest call later.
 */
@Startup
@ApplicationScoped
public class TraitMapper {

    private static final Logger LOG = Logger.getLogger(TraitMapper.class);
    private static final String ATTRIBUTES = "attributes.";
    static final Set<String> FIELDS = Set.of("email", "jobTitle", "industry", "employees", "gmv", "country", "region",
            "unsubscribed", "trackingOptOut");

    /** Sorted, so when two traits map to one field the result does not depend on hash order. */
    private final Map<String, String> mapping;

    public TraitMapper(TraitMappingConfig config) {
        this.mapping = new TreeMap<>(config.traits());
        mapping.forEach((trait, field) -> {
            if (!FIELDS.contains(field) && !(field.startsWith(ATTRIBUTES) && field.length() > ATTRIBUTES.length())) {
                throw new IllegalStateException("leadrules.ingest.traits.\"" + trait + "\" maps to \"" + field
                        + "\", which is not a lead field; use one of " + new TreeSet<>(FIELDS)
                        + " or attributes.<name>");
            }
        });
    }

    public Lead toLead(String leadId, Map<String, Object> traits) {
        Lead lead = new Lead(leadId);
        Map<String, Object> attributes = new LinkedHashMap<>(traits);
        mapping.keySet().forEach(attributes::remove);
        for (Map.Entry<String, String> m : mapping.entrySet()) {
            Object value = valueAt(traits, m.getKey());
            if (value != null) {
                apply(lead, attributes, m.getValue(), value, m.getKey());
            }
        }
        lead.setAttributes(attributes);
        return lead;
    }

    /** Merges newer traits over older ones; nested objects (address, company) merge key by key. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> older, Map<String, Object> newer) {
        Map<String, Object> merged = new LinkedHashMap<>(older);
        newer.forEach((key, value) -> {
            if (value instanceof Map<?, ?> n && merged.get(key) instanceof Map<?, ?> o) {
                merged.put(key, merge((Map<String, Object>) o, (Map<String, Object>) n));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** The trait at a path: the literal key first ("address.country" as one key), then nested objects. */
    private static Object valueAt(Map<String, Object> traits, String path) {
        if (traits.containsKey(path)) {
            return traits.get(path);
        }
        Object current = traits;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static void apply(Lead lead, Map<String, Object> attributes, String field, Object value, String trait) {
        try {
            switch (field) {
                case "email" -> lead.setEmail(text(value));
                case "jobTitle" -> lead.setJobTitle(text(value));
                case "industry" -> lead.setIndustry(text(value));
                case "employees" -> lead.setEmployees(number(value).intValueExact());
                case "gmv" -> lead.setGmv(number(value));
                case "country" -> lead.setCountry(text(value));
                case "region" -> lead.setRegion(text(value));
                case "unsubscribed" -> lead.setUnsubscribed(bool(value));
                case "trackingOptOut" -> lead.setTrackingOptOut(bool(value));
                default -> attributes.put(field.substring(ATTRIBUTES.length()), value);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            LOG.debugf("Trait %s=%s does not fit lead field %s: left empty", trait, value, field);
        }
    }

    private static String text(Object value) {
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(value.toString().trim().replace(",", ""));
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "1", "y", "on" -> true;
            case "false", "no", "0", "n", "off", "" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + value);
        };
    }
}
