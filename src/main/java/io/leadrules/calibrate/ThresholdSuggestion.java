package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.util.List;

/**
 * A suggested MQL threshold for a target close rate, or why there is none.
 *
 * @param status {@code OK}, {@code NO_LABELS}, {@code ALL_WON}, {@code ALL_LOST} or {@code NOT_REACHABLE}
 * @param detail the answer in words
 * @param suggested the lowest candidate score: the most leads handed off while still closing within the target
 * @param candidates every score S whose leads scoring at least S close within the target, lowest score first
 * @param closest when not reachable, the score whose close rate comes nearest the target (lower score on ties)
 */
public record ThresholdSuggestion(String status, String detail, TargetCloseRate target, Candidate suggested,
                                  List<Candidate> candidates, Candidate closest) {

    public static final String OK = "OK";
    public static final String NO_LABELS = "NO_LABELS";
    public static final String ALL_WON = "ALL_WON";
    public static final String ALL_LOST = "ALL_LOST";
    public static final String NOT_REACHABLE = "NOT_REACHABLE";

    /** Handing off every lead scoring at least {@code score}: how many, how many won, and the close rate. */
    public record Candidate(BigDecimal score, int leads, int won, double closeRate, double shareOfLeads) {
    }
}
