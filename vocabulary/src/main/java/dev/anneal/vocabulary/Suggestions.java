package dev.anneal.vocabulary;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...?" for a misspelled name, by edit distance, worded once for the processor and
 * the runtime: {@code weight_decy} gives {@code "; did you mean weight_decay?"}.
 */
public final class Suggestions {
  private Suggestions() {}

  /** The candidates close to {@code name}, closest first: at most a third of its length in edits (at least 1, 2 for 5+ letters). */
  public static List<String> closest(String name, Collection<String> candidates) {
    int limit = Math.max(name.length() >= 5 ? 2 : 1, name.length() / 3);
    String lower = name.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .filter(c -> !c.equals(name))
        .filter(c -> distance(lower, c.toLowerCase(Locale.ROOT)) <= limit)
        .sorted(Comparator.comparingInt((String c) -> distance(lower, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c))
        .limit(3)
        .toList();
  }

  /** {@code " (did you mean weight_decay?)"}, or the empty string when nothing is close. */
  public static String didYouMean(String name, Collection<String> candidates) {
    List<String> close = closest(name, candidates);
    if (close.isEmpty()) {
      return "";
    }
    return " (did you mean " + String.join(" or ", close) + "?)";
  }

  /** Damerau-Levenshtein distance (optimal string alignment): insertions, deletions, substitutions, swaps of neighbours. */
  public static int distance(String a, String b) {
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
}
