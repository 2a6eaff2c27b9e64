package io.leadrules.scoring;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long a piece of work may run, counted from when the deadline was made. The work checks it between steps
 * (between two firings of one score, between two leads of a backtest) and stops once it has passed. A single step
 * that never returns cannot be stopped this way (a rule's consequence is plain Java); the deadline guarantees that
 * nothing keeps going step after step.
 */
public final class Deadline {

    /** No deadline: the command line and the engine's own tests. */
    public static final Deadline NONE = new Deadline(null, null);

    private final Duration budget;
    private final String configKey;
    private final long start = System.nanoTime();

    private Deadline(Duration budget, String configKey) {
        this.budget = budget;
        this.configKey = configKey;
    }

    /** @param configKey the setting that gave the budget, named in the error so it can be raised */
    public static Deadline in(Duration budget, String configKey) {
        return new Deadline(budget, configKey);
    }

    public boolean passed() {
        return budget != null && System.nanoTime() - start >= budget.toNanos();
    }

    /**
     * @param work     what stops, as the start of a sentence: "The backtest"
     * @param progress how far it got: "after 1200 of 5000 leads"
     */
    public void check(String work, Supplier<String> progress) {
        if (passed()) {
            throw exceeded(work, progress.get(), null);
        }
    }

    DeadlineExceededException exceeded(String work, String progress, String rule) {
        return new DeadlineExceededException(rule, work + " did not finish within " + text(budget) + " (config "
                + configKey + "): stopped " + progress);
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
