package io.leadrules.profile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Whether stored leads are rescored in the background after a new ruleset goes live ({@link RulesetRescore}). */
@ConfigMapping(prefix = "leadrules")
public interface RulesetRescoreConfig {

    /** {@code leadrules.rescore-on-ruleset-change}; off: leads move to a new ruleset at their next event. */
    @WithName("rescore-on-ruleset-change")
    @WithDefault("true")
    boolean rescoreOnRulesetChange();
}
