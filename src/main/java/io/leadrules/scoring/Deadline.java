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
    public static final Deadline NONE = new Deadline(null, null, null);

    private final Duration budget;
    private final String configKey;
    private final String work;
    private final long start = System.nanoTime();

    private Deadline(Duration budget, String configKey, String work) {
        this.budget = budget;
        this.configKey = configKey;
        this.work = work;
    }

    /**
     * @param configKey the setting that gave the budget, named in the error so it can be raised
     * @param work      what stops, as the start of a sentence: "Scoring", "The backtest"
     */
    public static Deadline in(Duration budget, String configKey, String work) {
        return new Deadline(budget, configKey, work);
    }

    public boolean passed() {
        return budget != null && System.nanoTime() - start >= budget.toNanos();
    }

    /** Stops the work once the deadline has passed; {@code progress} says how far it got: "after 1200 leads". */
    public void check(Supplier<String> progress) {
        if (passed()) {
            throw new DeadlineExceededException(null, null, null, message(progress.get()));
        }
    }

    /** "The backtest did not finish within 10 s (config ...): stopped " and the progress. */
    String message(String progress) {
        return work + " did not finish within " + text(budget) + " (config " + configKey + "): stopped " + progress;
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
