package io.backforge.templates.spec;

import com.github.curiousoddman.rgxgen.RgxGen;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks that a field pattern means the same to {@code java.util.regex} (the API) and to Python's
 * {@code re} (the generated code): it must compile in Java and use only syntax both share.
 */
final class PythonRegex {

  /** Escapes that both engines read the same way; any other letter escape differs or fails. */
  private static final String SHARED_LETTER_ESCAPES = "abBdDfnrsStwWxu";

  private final String pattern;
  private int position;
  private boolean inClass;
  private boolean afterQuantifier;

  private PythonRegex(String pattern) {
    this.pattern = pattern;
  }

  /** Why {@code pattern} cannot be used, or nothing when it can. */
  static Optional<String> problem(String pattern) {
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return Optional.of(
          "is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + "; fix the expression");
    }
    Optional<String> unshared = new PythonRegex(pattern).scan().map(PythonRegex::explain);
    return unshared.isPresent() ? unshared : unmatchable(pattern);
  }

  /**
   * Whether {@code text} matches {@code pattern} in full, or empty when finding out costs more than
   * a million character reads: a pattern from a spec may backtrack catastrophically ({@code
   * (a+)+$}), and the validator must not spend its thread on it.
   */
  static Optional<Boolean> matches(String pattern, String text) {
    try {
      return Optional.of(Pattern.compile(pattern).matcher(new Budgeted(text, 1_000_000)).matches());
    } catch (Budgeted.Exhausted e) {
      return Optional.empty();
    }
  }

  /** A text whose characters may be read only so many times in all. */
  private static final class Budgeted implements CharSequence {

    /** Thrown when the reads are spent. */
    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super(null, null, false, false);
      }
    }

    private final String text;
    private final int[] left;

    Budgeted(String text, int reads) {
      this(text, new int[] {reads});
    }

    private Budgeted(String text, int[] left) {
      this.text = text;
      this.left = left;
    }

    @Override
    public char charAt(int index) {
      if (--left[0] < 0) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Budgeted(text.substring(start, end), left);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * The generator draws sample values from the pattern (tests, seed data); a pattern no string
   * matches, such as {@code a$b}, would fail every generation, so it is refused here.
   */
  private static Optional<String> unmatchable(String pattern) {
    try {
      RgxGen.parse(pattern).generate(new Random(0));
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(
          "matches no string, so no sample value can be made from it ("
              + Text.clip(String.valueOf(e.getMessage()))
              + "); fix the expression");
    }
  }

  private static String explain(String construct) {
    return construct + "; patterns may use only syntax that Java and Python's re share";
  }

  private Optional<String> scan() {
    while (position < pattern.length()) {
      Optional<String> problem = inClass ? classCharacter() : character();
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private Optional<String> character() {
    char c = pattern.charAt(position);
    boolean quantifierBefore = afterQuantifier;
    afterQuantifier = false;
    if (quantifierBefore && c == '+') {
      return Optional.of(
          "uses a possessive quantifier '"
              + pattern.charAt(position - 1)
              + "+' at index "
              + (position - 1)
              + ", which Python's re does not understand before 3.11");
    }
    switch (c) {
      case '\\':
        return escape();
      case '[':
        inClass = true;
        position += pattern.startsWith("[^", position) ? 2 : 1;
        if (position < pattern.length() && pattern.charAt(position) == ']') {
          position++;
        }
        return Optional.empty();
      case '(':
        return group();
      case '*':
      case '+':
      case '?':
        afterQuantifier = !quantifierBefore;
        position++;
        return Optional.empty();
      case '{':
        return repetition();
      default:
        position++;
        return Optional.empty();
    }
  }

  private Optional<String> repetition() {
    int close = pattern.indexOf('}', position);
    boolean counted =
        close > position && pattern.substring(position + 1, close).matches("\\d+(,\\d*)?");
    position = counted ? close + 1 : position + 1;
    afterQuantifier = counted;
    return Optional.empty();
  }

  private Optional<String> classCharacter() {
    char c = pattern.charAt(position);
    if (c == '\\') {
      return escape();
    }
    if (c == '[') {
      return Optional.of(
          "nests a character class at index "
              + position
              + ", which Java reads as a union and Python as a literal '['; escape it as '\\['");
    }
    if (pattern.startsWith("&&", position)) {
      return Optional.of(
          "uses the class intersection '&&' at index "
              + position
              + ", which only Java understands");
    }
    if (c == ']') {
      inClass = false;
    }
    position++;
    return Optional.empty();
  }

  private Optional<String> escape() {
    int at = position;
    char next = pattern.charAt(position + 1);
    position += 2;
    String escape = "'\\" + next + "' at index " + at;
    if (Character.isDigit(next) && (next == '0' || inClass)) {
      return Optional.of(
          "uses the escape " + escape + ", which Java and Python read differently; write \\xNN");
    }
    if ("AzZG".indexOf(next) >= 0) {
      return Optional.of(
          "uses the anchor "
              + escape
              + ", which Java and Python read differently; leave it out,"
              + " the whole value must match the pattern anyway");
    }
    if (next == 'p' || next == 'P') {
      return Optional.of(
          "uses the Unicode property "
              + escape
              + ", which Python's re does not understand;"
              + " list the characters in a class such as [A-Za-z]");
    }
    if (next == 'Q' || next == 'E') {
      return Optional.of(
          "uses the quote "
              + escape
              + ", which Python's re does not understand; escape each"
              + " special character with a backslash instead");
    }
    if (next < 128 && Character.isLetter(next) && SHARED_LETTER_ESCAPES.indexOf(next) < 0) {
      return Optional.of("uses the escape " + escape + ", which Python's re does not understand");
    }
    if ((next == 'x' || next == 'b') && pattern.startsWith("{", position)) {
      return Optional.of(
          "uses '\\" + next + "{...}' at index " + at + ", which only Java understands");
    }
    return Optional.empty();
  }

  private Optional<String> group() {
    int at = position;
    position++;
    if (!pattern.startsWith("?", position)) {
      return Optional.empty();
    }
    String rest = pattern.substring(position + 1);
    if (rest.startsWith(":")
        || rest.startsWith("=")
        || rest.startsWith("!")
        || rest.startsWith("<=")
        || rest.startsWith("<!")) {
      position++;
      return Optional.empty();
    }
    if (rest.startsWith(">")) {
      return Optional.of(
          "uses the atomic group '(?>' at index "
              + at
              + ", which Python's re does not understand before 3.11");
    }
    if (rest.startsWith("<")) {
      return Optional.of(
          "uses the named group '(?<' at index "
              + at
              + ", which Python's re spells differently; use a plain group '(...)'");
    }
    return Optional.of(
        "uses inline flags '(?"
            + (rest.isEmpty() ? "" : rest.charAt(0))
            + "' at index "
            + at
            + ", which Java and Python support differently; write the expression without them");
  }
}
