package io.backforge.templates.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns names from a spec into {@link Identifier}s: checks the shape each kind of name must have,
 * its length and the few names the generated code needs itself ({@link ReservedWords}), and reports
 * one problem per bad name with a suggestion. Words a target language or SQL reserves are not
 * refused: each stack maps them.
 */
enum Names {
  PROJECT(
      "project name",
      "kebab-case: lower-case letters and digits in words joined by single hyphens, starting with"
          + " a letter",
      Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*"),
      "-app",
      name -> Optional.empty()),
  ENTITY(
      "entity name",
      "PascalCase: an upper-case letter followed by letters and digits",
      Pattern.compile("[A-Z][A-Za-z0-9_]*"),
      "Record",
      name -> Optional.empty()),
  FIELD(
      "field name",
      "lowerCamelCase: a lower-case letter followed by letters and digits",
      Pattern.compile("[a-z][A-Za-z0-9_]*"),
      "Value",
      name -> ReservedWords.whyReservedForMember(Identifier.of(name))),
  RELATION(
      "relation name",
      "lowerCamelCase: a lower-case letter followed by letters and digits",
      Pattern.compile("[a-z][A-Za-z0-9_]*"),
      "Ref",
      name -> ReservedWords.whyReservedForMember(Identifier.of(name)));

  private final String what;
  private final String shapeRule;
  private final Pattern shape;
  private final String suffix;
  private final Function<String, Optional<String>> reserved;

  Names(
      String what,
      String shapeRule,
      Pattern shape,
      String suffix,
      Function<String, Optional<String>> reserved) {
    this.what = what;
    this.shapeRule = shapeRule;
    this.shape = shape;
    this.suffix = suffix;
    this.reserved = reserved;
  }

  /** The identifier for {@code raw}, or {@code null} after reporting why it cannot be one. */
  Identifier check(String raw, Pointer at, Problems problems) {
    Optional<String> problem = problem(raw);
    if (problem.isPresent()) {
      problems.add(at, problem.get());
      return null;
    }
    return Identifier.of(PROJECT == this ? raw.replace('-', '_') : raw);
  }

  private Optional<String> problem(String raw) {
    if (Text.length(raw) > Identifier.MAX_LENGTH) {
      return Optional.of(
          String.format(
              "'%s' is %d characters long; a %s may have at most %d",
              Text.clip(raw), Text.length(raw), what, Identifier.MAX_LENGTH));
    }
    if (!hasShape(raw)) {
      return Optional.of(
          String.format("'%s' is not a valid %s; use %s", Text.clip(raw), what, shapeRule)
              + suggestion(suggestShape(raw)));
    }
    return reserved.apply(raw).map(why -> why + "; choose another name" + suggestion(raw + suffix));
  }

  private boolean hasShape(String raw) {
    String identifier = PROJECT == this ? raw.replace('-', '_') : raw;
    return shape.matcher(raw).matches() && Identifier.isValid(identifier);
  }

  private String suggestion(String candidate) {
    boolean usable =
        candidate != null
            && candidate.length() <= Identifier.MAX_LENGTH
            && hasShape(candidate)
            && reserved.apply(candidate).isEmpty();
    return usable ? ", such as '" + candidate + "'" : "";
  }

  private String suggestShape(String raw) {
    List<String> words = new ArrayList<>();
    String separated = PROJECT == this ? raw.replaceAll("([a-z0-9])([A-Z])", "$1-$2") : raw;
    for (String word : separated.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    if (PROJECT == this) {
      return String.join("-", words).toLowerCase(Locale.ROOT);
    }
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    String pascal = out.toString();
    return ENTITY == this ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }
}
