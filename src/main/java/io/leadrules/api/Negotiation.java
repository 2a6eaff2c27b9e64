package io.leadrules.api;

import io.leadrules.store.InvalidQueryException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;

/**
 * Content negotiation for the resources that answer JSON, an HTML page or CSV from one URL. The client's accepted
 * types are read in its order of preference: the first one of ours it matches wins; a wildcard ({@code *}{@code /*})
 * before any match means "anything", which is our default, the first offered type (JSON).
 */
final class Negotiation {

    static final String TEXT_CSV = "text/csv";
    static final MediaType TEXT_CSV_TYPE = MediaType.valueOf(TEXT_CSV);
    /** Not registered, but sent by some tools (and spreadsheets' importers) for CSV. */
    static final String APPLICATION_CSV = "application/csv";

    private Negotiation() {
    }

    static MediaType choose(List<MediaType> accepted, MediaType... offered) {
        for (MediaType type : accepted) {
            if (type.isWildcardType()) {
                break;
            }
            for (MediaType ours : offered) {
                if (type.isCompatible(ours)) {
                    return ours;
                }
            }
        }
        return offered[0];
    }

    /** The accepted types with {@code application/csv} read as {@code text/csv}. */
    static List<MediaType> csvAsText(List<MediaType> accepted) {
        return accepted.stream().map(t -> t.isCompatible(MediaType.valueOf(APPLICATION_CSV)) && !t.isWildcardType()
                && !t.isWildcardSubtype() ? TEXT_CSV_TYPE : t).toList();
    }

    /** The type a {@code format=} query parameter names: json, csv or html, in any case. */
    static MediaType ofFormat(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> TEXT_CSV_TYPE;
            case "html" -> MediaType.TEXT_HTML_TYPE;
            case "json" -> MediaType.APPLICATION_JSON_TYPE;
            default -> throw new InvalidQueryException("format", "format must be json, csv or html; got \""
                    + format + "\"");
        };
    }

    /** Whether the client asks for the HTML page rather than JSON (browsers list text/html first). */
    static boolean wantsHtml(HttpHeaders headers) {
        return choose(headers.getAcceptableMediaTypes(), MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE)
                .equals(MediaType.TEXT_HTML_TYPE);
    }
}
