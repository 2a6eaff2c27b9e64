package io.leadrules.store;

/** The {@code limit} of a paged read (transitions feed, outcomes): a whole number from 1 to {@value #MAX}. */
public final class PageLimit {

    public static final int DEFAULT = 1000;
    public static final int MAX = 10_000;

    private PageLimit() {
    }

    /**
     * The limit as sent (query text; absent or blank: {@value #DEFAULT}). Taken as text so that a non-number is a
     * 400 naming it, not the 404 JAX-RS gives for a parameter it cannot convert.
     */
    public static int parse(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT;
        }
        int max;
        try {
            max = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1 || max > MAX) {
            throw new InvalidQueryException("limit", "limit must be a whole number between 1 and " + MAX
                    + ", got \"" + limit + "\"");
        }
        return max;
    }
}
