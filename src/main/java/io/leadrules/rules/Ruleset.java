package io.leadrules.rules;

import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;

import io.leadrules.model.Event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled, validated set of rule files, ready to score. Immutable: a reload builds a new one and swaps it in,
 * so a request that started on this ruleset finishes on it.
 */
public final class Ruleset {

    private final String version;
    private final Instant loadedAt;
    private final String source;
    private final List<RuleFile> files;
    private final RuleCatalog catalog;
    private final KieContainer container;
    private final KieContainerSessionsPool sessions;
    private final KieSessionConfiguration sessionConfiguration;
    private final boolean matchesRawEvents;
    /** Empty: every type may matter. */
    private final Optional<Set<String>> rawEventTypes;

    Ruleset(String version, Instant loadedAt, String source, List<RuleFile> files, RuleCatalog catalog,
            KieContainer container, int poolSize, boolean matchesRawEvents) {
        this.version = version;
        this.loadedAt = loadedAt;
        this.source = source;
        this.files = List.copyOf(files);
        this.catalog = catalog;
        this.container = container;
        this.sessions = container.newKieSessionsPool(poolSize);
        this.sessionConfiguration = singleThreaded();
        this.matchesRawEvents = matchesRawEvents;
        this.rawEventTypes = matchesRawEvents ? RawEventTypes.matchedBy(container.getKieBase()) : Optional.of(Set.of());
    }

    /** Short content hash of the rule files: the same files always give the same version. */
    public String version() { return version; }
    public Instant loadedAt() { return loadedAt; }
    /** Where the files came from, e.g. the folder path or "api". */
    public String source() { return source; }
    public List<RuleFile> files() { return files; }
    public RuleCatalog catalog() { return catalog; }

    /** Whether any rule matches {@code Event} facts directly; if none does, scoring skips inserting them. */
    public boolean matchesRawEvents() { return matchesRawEvents; }

    /** Whether a rule can match this raw event; scoring inserts only those (see {@link RawEventTypes}). */
    public boolean matchesRawEvent(Event event) {
        return matchesRawEvents && rawEventTypes.map(types -> types.contains(event.getType())).orElse(true);
    }

    /** A session from the pool; {@code dispose()} returns it. Use it from one thread only. */
    public KieSession newSession() {
        return sessions.newKieSession(sessionConfiguration);
    }

    /**
     * A pooled session serves one scoring call at a time, on one thread, so Drools' thread-safe agenda
     * (synchronized propagation list, concurrent state machine) is pure overhead: about a fifth of the scoring
     * time in bench/scoring (see bench/README.md).
     */
    private static KieSessionConfiguration singleThreaded() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    /** Frees the compiled module once nothing scores on this ruleset any more. */
    public void release() {
        sessions.shutdown();
        ReleaseId releaseId = container.getReleaseId();
        container.dispose();
        KieServices.get().getRepository().removeKieModule(releaseId);
    }
}
