package io.leadrules.report;

import io.leadrules.model.Breakdown;
import io.leadrules.model.Points;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The score as a waterfall: from 0, each category's points in turn (fit, intent, negative, decay, cap), each step
 * starting where the previous ended; the last step ends on the score.
 */
public record Waterfall(List<Step> steps, BigDecimal total) {

    /** One bar: {@code points} moves the running total from {@code start} to {@code end}. */
    public record Step(String category, BigDecimal points, BigDecimal start, BigDecimal end) {
    }

    public static Waterfall of(Breakdown b) {
        List<Step> steps = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        String[] names = {"fit", "intent", "negative", "disqualify", "decay", "cap"};
        BigDecimal[] parts = {b.fit(), b.intent(), b.negative(), b.disqualify(), b.decay(), b.cap()};
        for (int i = 0; i < names.length; i++) {
            BigDecimal end = running.add(parts[i]);
            steps.add(new Step(names[i], Points.normalize(parts[i]), Points.normalize(running), Points.normalize(end)));
            running = end;
        }
        return new Waterfall(List.copyOf(steps), Points.normalize(running));
    }
}
