package io.backforge.templates.spec;

import java.util.Collection;
import java.util.Locale;

/** Small text helpers for problem messages. */
final class Text {

  private static final int MAX_QUOTED = 60;
  private static final int MAX_LISTED = 10;

  private Text() {}

  /** {@code value} shortened for quoting in a message, so huge input never floods a response. */
  static String clip(String value) {
    String visible = value.replaceAll("\\p{Cntrl}", "?");
    int end =
        visible.offsetByCodePoints(
            0, Math.min(MAX_QUOTED, visible.codePointCount(0, visible.length())));
    return end < visible.length() ? visible.substring(0, end) + "..." : visible;
  }

  /** At most ten values, each {@link #clip clipped}, joined with commas; says how many more. */
  static String clipList(java.util.Collection<String> values) {
    String shown =
        values.stream()
            .limit(MAX_LISTED)
            .map(Text::clip)
            .collect(java.util.stream.Collectors.joining(", "));
    return values.size() > MAX_LISTED
        ? shown + " and " + (values.size() - MAX_LISTED) + " more"
        : shown;
  }

  /** The length of {@code value} in characters as people count them (code points). */
  static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  /** The candidate closest to {@code typo}, or {@code null} when none is close. */
  static String closest(String typo, Collection<String> candidates) {
    if (typo.length() > 2 * MAX_QUOTED) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(typo.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.min(2, typo.length() / 2) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
