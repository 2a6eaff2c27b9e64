package io.leadrules.batch;

import io.leadrules.model.ScoreCard;
import io.leadrules.scoring.RuleFailedException;
import io.leadrules.scoring.ScoringEngine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Scores a stream of leads, one per line, and answers as it goes, in input order. Lines are scored on every core at
 * once, but at most a small window of them is in flight, so memory stays bounded whatever the input's length; a bad
 * line becomes a problem at its place and the batch goes on.
 */
@ApplicationScoped
public class BatchScorer {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Lines read ahead of the one being written: enough to keep every core busy, few enough to hold in memory. */
    private static final int WINDOW = CORES * 8;

    private final ScoringEngine engine;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(CORES, r -> {
        Thread t = new Thread(r, "batch-scoring");
        t.setDaemon(true);
        return t;
    });

    public BatchScorer(ScoringEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** What a line became: a card, or the problem that stopped it. */
    private record Answer(long line, ScoreCard card, String field, String problem) {
    }

    /**
     * Reads every line of {@code in} (blank lines are skipped but counted, so line numbers match an editor's), reads
     * each with {@code read} and writes its answer to {@code out}. Returns how many lines were scored.
     */
    public long score(BufferedReader in, Function<String, BatchInput> read, BatchOutput out) throws IOException {
        Deque<CompletableFuture<Answer>> window = new ArrayDeque<>();
        long lineNumber = 0;
        long scored = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String text = line;
            long at = lineNumber;
            window.add(CompletableFuture.supplyAsync(() -> answer(at, text, read), workers));
            if (window.size() >= WINDOW) {
                scored += write(window.removeFirst(), out);
            }
        }
        while (!window.isEmpty()) {
            scored += write(window.removeFirst(), out);
        }
        out.flush();
        return scored;
    }

    private Answer answer(long line, String text, Function<String, BatchInput> read) {
        try {
            BatchInput input = read.apply(text);
            ScoreCard card = engine.score(input.lead(), input.events(),
                    input.asOf() != null ? input.asOf() : clock.instant());
            return new Answer(line, card, null, null);
        } catch (BadLineException e) {
            return new Answer(line, null, e.field(), e.getMessage());
        } catch (RuleFailedException e) {
            return new Answer(line, null, null, e.getMessage());
        }
    }

    private static int write(CompletableFuture<Answer> next, BatchOutput out) throws IOException {
        Answer answer;
        try {
            answer = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Batch scoring interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new UncheckedIOException(new IOException(e.getCause()));
        }
        if (answer.card() != null) {
            out.card(answer.line(), answer.card());
            return 1;
        }
        out.problem(answer.line(), answer.field(), answer.problem());
        return 0;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
