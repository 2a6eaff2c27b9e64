package io.leadrules.scoring;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.HashMap;
import java.util.Map;

/** Counts firings per rule during one scoring call, so a runaway rule can be named. */
final class FireCounter extends DefaultAgendaEventListener {

    private final Map<String, Integer> fires = new HashMap<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fires.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
    }

    String mostFired() {
        return fires.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("(unknown)");
    }

    int firesOf(String rule) {
        return fires.getOrDefault(rule, 0);
    }
}
