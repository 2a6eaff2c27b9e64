package io.leadrules.calibrate;

import io.leadrules.calibrate.BacktestReport.Band;
import io.leadrules.calibrate.BacktestReport.BandCutoff;
import io.leadrules.calibrate.BacktestReport.Group;
import io.leadrules.calibrate.BacktestReport.ThresholdBand;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Conversion by score band: deciles, the MQL threshold split, and cut-offs by share of leads. */
final class ScoreBands {

    private static final int DECILES = 10;

    private ScoreBands() {
    }

    /** Highest score first; equal scores keep their input order, so bands are reproducible. */
    static List<ScoredLead> bestFirst(List<ScoredLead> leads) {
        return leads.stream().sorted(Comparator.comparing(ScoredLead::score).reversed()).toList();
    }

    /**
     * Ten bands by rank: band b (1-10) holds leads {@code floor((b-1)n/10)} to {@code floor(bn/10)-1} of the
     * best-first order. Tied scores may straddle two bands; with fewer than 10 leads empty bands are left out.
     */
    static List<Band> deciles(List<ScoredLead> bestFirst) {
        int n = bestFirst.size();
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b < DECILES; b++) {
            List<ScoredLead> slice = bestFirst.subList(b * n / DECILES, (b + 1) * n / DECILES);
            if (!slice.isEmpty()) {
                int won = wonIn(slice);
                bands.add(new Band(b + 1, slice.get(slice.size() - 1).score(), slice.get(0).score(), slice.size(),
                        won, Rates.of(won, slice.size())));
            }
        }
        return bands;
    }

    static ThresholdBand thresholdBand(List<ScoredLead> leads, BigDecimal threshold) {
        List<ScoredLead> above = leads.stream().filter(l -> l.mqlAt(threshold)).toList();
        List<ScoredLead> below = leads.stream().filter(l -> !l.mqlAt(threshold)).toList();
        return new ThresholdBand(threshold, group(above), group(below));
    }

    /**
     * For each share s: the score of the lead at rank {@code ceil(s * n)} best-first, and the leads scoring at
     * least that (ties included).
     */
    static List<BandCutoff> cutoffs(List<ScoredLead> bestFirst, List<BigDecimal> shares) {
        int n = bestFirst.size();
        List<BandCutoff> cutoffs = new ArrayList<>();
        for (BigDecimal share : shares) {
            if (n == 0) {
                cutoffs.add(new BandCutoff(share, null, 0, null, 0, null));
                continue;
            }
            int rank = Math.max(1, (int) Math.ceil(share.doubleValue() * n - 1e-9));
            BigDecimal cut = bestFirst.get(Math.min(rank, n) - 1).score();
            List<ScoredLead> in = bestFirst.stream().filter(l -> l.score().compareTo(cut) >= 0).toList();
            int won = wonIn(in);
            cutoffs.add(new BandCutoff(share, cut, in.size(), Rates.of(in.size(), n), won, Rates.of(won, in.size())));
        }
        return cutoffs;
    }

    private static Group group(List<ScoredLead> leads) {
        int won = wonIn(leads);
        return new Group(leads.size(), won, Rates.of(won, leads.size()));
    }

    static int wonIn(List<ScoredLead> leads) {
        return (int) leads.stream().filter(ScoredLead::won).count();
    }
}
