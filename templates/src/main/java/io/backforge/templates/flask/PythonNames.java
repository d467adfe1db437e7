package io.backforge.templates.flask;

import io.backforge.templates.spec.Identifier;
import java.util.Set;

/**
 * Python identifiers for the names of a spec. Names are never rejected for Python: an attribute
 * that would be a keyword or a name SQLAlchemy's models use themselves gets a trailing underscore
 * (PEP 8's convention; no spec name ends with one, so the result is unique), and so does an entity
 * class named like a keyword. Columns keep the spec's snake names (SQLAlchemy quotes those a
 * dialect reserves), JSON keys and query parameters keep the spec's names.
 */
final class PythonNames {

  /** Python's keywords (3.11), compared case-sensitively; soft keywords are valid names. */
  static final Set<String> KEYWORDS =
      Set.of(
          "False",
          "None",
          "True",
          "and",
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "else",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "if",
          "import",
          "in",
          "is",
          "lambda",
          "nonlocal",
          "not",
          "or",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield");

  /** Attributes that SQLAlchemy and Flask-SQLAlchemy models use themselves. */
  static final Set<String> MODEL_ATTRIBUTES =
      Set.of("metadata", "registry", "query", "query_class");

  private PythonNames() {}

  /** The model and schema attribute of a field or relation named {@code name}. */
  static String attribute(Identifier name) {
    String snake = name.snake();
    return KEYWORDS.contains(snake) || MODEL_ATTRIBUTES.contains(snake) ? snake + "_" : snake;
  }

  /** The model class of an entity named {@code name}. */
  static String modelClass(Identifier name) {
    String pascal = name.pascal();
    return KEYWORDS.contains(pascal) ? pascal + "_" : pascal;
  }
}
