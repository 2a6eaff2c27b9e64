package io.leadrules.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Page names and paths in the spellings sites send are one page for {@code leadrules.ingest.page-events}. */
class PageKeyTest {

    @Test
    void caseQueryFragmentAndTrailingSlashDoNotCount() {
        assertThat(SegmentParser.pageKey("/pricing")).isEqualTo("/pricing");
        assertThat(SegmentParser.pageKey("/Pricing/")).isEqualTo("/pricing");
        assertThat(SegmentParser.pageKey("/pricing?plan=pro")).isEqualTo("/pricing");
        assertThat(SegmentParser.pageKey("/pricing/#faq")).isEqualTo("/pricing");
        assertThat(SegmentParser.pageKey(" pricing ")).isEqualTo("pricing");
        assertThat(SegmentParser.pageKey("/")).isEqualTo("/");
    }
}
