package dev.ocitk.validator.internal.rules;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name a small edit away from an unknown one. */
public final class Spelling {
    private Spelling() {
    }

    /**
     * The candidate closest to {@code word}, when it differs only in letter case or by at most one edit (two for
     * words longer than four characters), counting a swap of neighbours as one edit.
     */
    public static Optional<String> suggest(String word, Collection<String> candidates) {
        if (word.length() > 64) {
            return Optional.empty();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(word)) {
                return Optional.empty();
            }
            int d = candidate.toLowerCase(Locale.ROOT).equals(lower) ? 0 : distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.min(word.length(), best == null ? 0 : best.length()) > 4 ? 2 : 1;
        return best != null && bestDistance <= allowed && Math.min(word.length(), best.length()) > 1
                ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code "; did you mean X?"} or nothing. */
    static String didYouMean(String word, Collection<String> candidates) {
        return suggest(word, candidates).map(s -> "; did you mean \"" + s + "\"?").orElse("");
    }
}
