package io.backforge.templates.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Typed, problem-reporting access to one JSON object of a spec. Every accessor returns {@code null}
 * for a value that is absent, JSON {@code null} or of the wrong type, and reports the wrong type,
 * so callers only handle values they can use.
 */
final class JsonObject {

  private final JsonNode node;
  private final Pointer at;
  private final Problems problems;

  private JsonObject(JsonNode node, Pointer at, Problems problems) {
    this.node = node;
    this.at = at;
    this.problems = problems;
  }

  /**
   * The object at {@code at}, or {@code null} (reported) when {@code node} is no object. Reports
   * every property not in {@code known}.
   */
  static JsonObject read(
      JsonNode node, Pointer at, Problems problems, String what, List<String> known) {
    if (node == null || !node.isObject()) {
      problems.add(at, what + " must be a JSON object {...}, not " + describe(node));
      return null;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(at.at(name), unknownProperty(name, known));
      }
    }
    return new JsonObject(node, at, problems);
  }

  private static String unknownProperty(String name, List<String> known) {
    String message = "unknown property '" + Text.clip(name) + "'";
    String closest = Text.closest(name, known);
    if (closest != null) {
      message += "; did you mean '" + closest + "'?";
    }
    return message + " known properties: " + String.join(", ", known);
  }

  Pointer at(String key) {
    return at.at(key);
  }

  Pointer at() {
    return at;
  }

  JsonNode value(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  boolean has(String key) {
    return value(key) != null;
  }

  /** Reports {@code key} as missing unless present; {@code hint} says what to put there. */
  boolean require(String key, String hint) {
    if (has(key)) {
      return true;
    }
    problems.add(at(key), "'" + key + "' is required; " + hint);
    return false;
  }

  String string(String key) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      typeError(key, "a string in double quotes");
      return null;
    }
    return value.textValue();
  }

  /** A string of at most {@code maxLength} characters, or {@code null} (reported if too long). */
  String text(String key, int maxLength) {
    String value = string(key);
    if (value != null && Text.length(value) > maxLength) {
      problems.add(
          at(key),
          "is " + Text.length(value) + " characters long; shorten it to at most " + maxLength);
      return null;
    }
    return value;
  }

  Boolean bool(String key) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      typeError(key, "true or false");
      return null;
    }
    return value.booleanValue();
  }

  boolean bool(String key, boolean fallback) {
    Boolean value = bool(key);
    return value == null ? fallback : value;
  }

  ArrayNode array(String key) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      typeError(key, "a JSON array [...]");
      return null;
    }
    return (ArrayNode) value;
  }

  /** Reports that the value at {@code key} is not {@code expected}. */
  void typeError(String key, String expected) {
    problems.add(at(key), "must be " + expected + ", not " + describe(value(key)));
  }

  static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "true" : "false";
    }
    if (node.isArray()) {
      return "an array";
    }
    return node.isObject() ? "an object" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
