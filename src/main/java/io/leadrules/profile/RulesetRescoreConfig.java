package io.leadrules.profile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Whether and how stored leads are rescored in the background after a new ruleset goes live ({@link RulesetRescore}). */
@ConfigMapping(prefix = "leadrules")
public interface RulesetRescoreConfig {

    /** {@code leadrules.rescore-on-ruleset-change}; off: leads move to a new ruleset at their next event. */
    @WithName("rescore-on-ruleset-change")
    @WithDefault("true")
    boolean rescoreOnRulesetChange();

    /** {@code leadrules.rescore.*}: how a pass goes. */
    Pass rescore();

    interface Pass {
        /**
         * {@code leadrules.rescore.page-size}: leads rescored in one transaction (locked together, read in one query,
         * their writes batched). Larger pages are faster; a lead's ingestion waits for the page that holds its lock.
         */
        @WithDefault("100")
        int pageSize();

        /**
         * {@code leadrules.rescore.workers}: pages rescored at once, each on a thread of its own; a bound, so that
         * requests keep answering during a pass (bench/README.md, "Rescoring after a rule change").
         */
        @WithDefault("2")
        int workers();
    }
}
