package io.leadrules.profile;

import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.store.EventRepository;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.LeadRow;
import io.leadrules.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Stored leads as the rules see them (profile traits mapped to a {@link Lead}, scored events), a page at a time:
 * for work over the whole population (impact previews, backtests on stored outcomes) without loading it all.
 */
@ApplicationScoped
public class StoredLeads {

    /** One stored lead, ready to score; {@code mql} is its current stored MQL state. */
    public record Entry(String leadId, boolean mql, Lead lead, List<Event> events) {
    }

    private final LeadRepository leads;
    private final EventRepository events;
    private final TraitMapper traits;

    public StoredLeads(LeadRepository leads, EventRepository events, TraitMapper traits) {
        this.leads = leads;
        this.events = events;
        this.traits = traits;
    }

    /** Calls {@code page} with every stored lead, {@code pageSize} at a time, in lead id order. */
    public void forEachPage(int pageSize, Consumer<List<Entry>> page) {
        String after = null;
        while (true) {
            List<LeadRow> rows = leads.page(after, pageSize);
            if (rows.isEmpty()) {
                return;
            }
            page.accept(entries(rows));
            if (rows.size() < pageSize) {
                return;
            }
            after = rows.get(rows.size() - 1).leadId();
        }
    }

    /** These leads (those that exist), in lead id order. */
    public List<Entry> load(Collection<String> leadIds) {
        return entries(leads.findAll(leadIds));
    }

    private List<Entry> entries(List<LeadRow> rows) {
        Map<String, List<StoredEvent>> byLead = events.forLeads(rows.stream().map(LeadRow::leadId).toList());
        return rows.stream().map(r -> new Entry(r.leadId(), r.mql(), traits.toLead(r.leadId(), r.traits()),
                RescoreService.toEvents(byLead.getOrDefault(r.leadId(), List.of())))).toList();
    }
}
