package io.leadrules.calibrate;

import java.util.Comparator;
import java.util.List;

/**
 * ROC AUC by the rank (Mann-Whitney) formula: the chance that a random won lead outscores a random lost one,
 * a tie counting half. {@code AUC = (sum of the won leads' ranks - P(P+1)/2) / (P * N)}, ranks ascending by
 * score with tied scores sharing their average rank.
 */
final class RocAuc {

    private RocAuc() {
    }

    /** Null when the leads are all won or all lost: there is no pair to compare. */
    static Double of(List<ScoredLead> leads) {
        long positives = leads.stream().filter(ScoredLead::won).count();
        long negatives = leads.size() - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        List<ScoredLead> ascending = leads.stream().sorted(Comparator.comparing(ScoredLead::score)).toList();
        double wonRankSum = 0;
        int i = 0;
        while (i < ascending.size()) {
            int j = i;
            while (j + 1 < ascending.size() && ascending.get(j + 1).score().compareTo(ascending.get(i).score()) == 0) {
                j++;
            }
            double averageRank = (i + 1 + j + 1) / 2d;
            for (int k = i; k <= j; k++) {
                if (ascending.get(k).won()) {
                    wonRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        double auc = (wonRankSum - positives * (positives + 1) / 2d) / ((double) positives * negatives);
        return Rates.round(auc);
    }
}
