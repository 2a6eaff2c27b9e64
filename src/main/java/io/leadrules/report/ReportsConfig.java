package io.leadrules.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** Tuning of the explainability reports ({@code leadrules.reports.*}); documented in README.md. */
@ConfigMapping(prefix = "leadrules.reports")
public interface ReportsConfig {

    /** Two rules "nearly always fire together" when co-firings / min(firings of each) reach this share. */
    @WithDefault("0.9")
    BigDecimal pairMinShare();

    /** ... and they fired together for at least this many leads. */
    @WithDefault("5")
    int pairMinLeads();

    /** Width of the score histogram's buckets, in points. */
    @WithDefault("10")
    int scoreBucket();

    /** How many rules that did not fire the explanation lists as "nearest". */
    @WithDefault("5")
    int nearestRules();
}
