package io.leadrules.rules;

import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.model.ScoreCard;

import java.time.Instant;
import java.util.Collection;

/**
 * Scores a lead with a given ruleset. The scoring package implements it; declaring it here lets scenario tests
 * run through the real scorer without {@code rules} depending on {@code scoring}.
 */
@FunctionalInterface
public interface RulesetScorer {

    ScoreCard score(Ruleset ruleset, Lead lead, Collection<Event> events, Instant asOf);
}
