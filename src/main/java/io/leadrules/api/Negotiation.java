package io.leadrules.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Content negotiation for the resources that answer JSON, an HTML page or CSV from one URL. The client's accepted
 * types are read in its order of preference: the first one of ours it matches wins; a wildcard ({@code *}{@code /*})
 * before any match means "anything", which is our default, the first offered type (JSON).
 */
final class Negotiation {

    static final String TEXT_CSV = "text/csv";
    static final MediaType TEXT_CSV_TYPE = MediaType.valueOf(TEXT_CSV);

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

    /** Whether the client asks for the HTML page rather than JSON (browsers list text/html first). */
    static boolean wantsHtml(HttpHeaders headers) {
        return choose(headers.getAcceptableMediaTypes(), MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE)
                .equals(MediaType.TEXT_HTML_TYPE);
    }
}
