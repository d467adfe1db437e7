package io.backforge.templates.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name from a spec that has been checked to be safe in every place generated code uses names:
 * file paths, SQL identifiers, Python and Java identifiers. It starts with an ASCII letter, holds
 * only ASCII letters, digits and single inner underscores, and is at most {@value #MAX_LENGTH}
 * characters long. Words a target language or SQL dialect reserves are mapped by each stack; the
 * few names no stack can take are refused by {@link SpecValidator} ({@link ReservedWords}).
 *
 * @param value the name as written in the spec
 */
public record Identifier(String value) implements Comparable<Identifier> {

  /** Longest accepted name, so that derived table, column and constraint names stay short. */
  public static final int MAX_LENGTH = 40;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z](?:_?[A-Za-z0-9])*");

  public Identifier {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a valid identifier");
    }
  }

  /** Whether {@code candidate} has the shape of an identifier. */
  public static boolean isValid(String candidate) {
    return candidate != null
        && candidate.length() <= MAX_LENGTH
        && SHAPE.matcher(candidate).matches();
  }

  /** The identifier for {@code value}; throws {@link IllegalArgumentException} if invalid. */
  public static Identifier of(String value) {
    return new Identifier(value);
  }

  /** The lower-case words of the name: {@code publishedAt} and {@code published_at} give both. */
  public List<String> words() {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char[] chars = value.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c == '_') {
        flush(words, current);
        continue;
      }
      boolean upper = Character.isUpperCase(c);
      boolean previousLower =
          i > 0 && (Character.isLowerCase(chars[i - 1]) || Character.isDigit(chars[i - 1]));
      boolean nextLower = i + 1 < chars.length && Character.isLowerCase(chars[i + 1]);
      boolean previousUpper = i > 0 && Character.isUpperCase(chars[i - 1]);
      if (upper && (previousLower || (previousUpper && nextLower))) {
        flush(words, current);
      }
      current.append(Character.toLowerCase(c));
    }
    flush(words, current);
    return words;
  }

  private static void flush(List<String> words, StringBuilder current) {
    if (!current.isEmpty()) {
      words.add(current.toString());
      current.setLength(0);
    }
  }

  /** {@code published_at}. */
  public String snake() {
    return String.join("_", words());
  }

  /** {@code published-at}. */
  public String kebab() {
    return String.join("-", words());
  }

  /** {@code PublishedAt}. */
  public String pascal() {
    StringBuilder out = new StringBuilder();
    for (String word : words()) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  /** {@code publishedAt}. */
  public String camel() {
    String pascal = pascal();
    return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  /** The snake-case plural, used for table names and URL paths: {@code order_lines}. */
  public String snakePlural() {
    List<String> words = new ArrayList<>(words());
    int last = words.size() - 1;
    words.set(last, plural(words.get(last)));
    return String.join("_", words);
  }

  /** The kebab-case plural, used for URL paths: {@code order-lines}. */
  public String kebabPlural() {
    return snakePlural().replace('_', '-');
  }

  static String plural(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.endsWith("y")
        && lower.length() > 1
        && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    if (lower.endsWith("s")
        || lower.endsWith("x")
        || lower.endsWith("z")
        || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return word + "es";
    }
    return word + "s";
  }

  @Override
  public int compareTo(Identifier other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
