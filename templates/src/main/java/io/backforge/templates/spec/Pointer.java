package io.backforge.templates.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON pointer, built one token at a time while walking a spec.
 *
 * @param tokens the unescaped reference tokens from the document root
 */
record Pointer(List<String> tokens) {

  static final Pointer ROOT = new Pointer(List.of());

  Pointer {
    tokens = List.copyOf(tokens);
  }

  Pointer at(String property) {
    List<String> next = new ArrayList<>(tokens);
    next.add(property);
    return new Pointer(next);
  }

  Pointer at(int index) {
    return at(Integer.toString(index));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (String token : tokens) {
      out.append('/').append(token.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }
}
