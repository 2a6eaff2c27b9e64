package io.leadrules.support;

import io.leadrules.rules.RulesetActivated;
import io.leadrules.rules.RulesetFollowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the rules lifecycle announced in a test application: activations recorded here, and versions followed. */
@ApplicationScoped
public class RulesetEvents {

    private final List<RulesetActivated> activated = new CopyOnWriteArrayList<>();
    private final List<RulesetFollowed> followed = new CopyOnWriteArrayList<>();

    void onActivated(@Observes RulesetActivated event) {
        activated.add(event);
    }

    void onFollowed(@Observes RulesetFollowed event) {
        followed.add(event);
    }

    public List<String> activatedVersions() {
        return activated.stream().map(RulesetActivated::version).toList();
    }

    public List<String> followedVersions() {
        return followed.stream().map(RulesetFollowed::version).toList();
    }
}
