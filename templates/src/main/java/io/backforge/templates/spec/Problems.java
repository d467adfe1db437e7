package io.backforge.templates.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** Collects the problems of one validation and puts them in document order. */
final class Problems {

  private record Entry(Pointer at, String message) {}

  private final List<Entry> entries = new ArrayList<>();

  void add(Pointer at, String message) {
    entries.add(new Entry(at, message));
  }

  int size() {
    return entries.size();
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The problems sorted by where they are in {@code root}. Checks run in several passes (shapes
   * first, then references between entities), so the order they were found in is not the order a
   * person reads the document in. A problem about a missing property sorts with its parent.
   */
  List<SpecError> inDocumentOrder(JsonNode root) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(entry -> position(root, entry.at()), Problems::compare));
    return sorted.stream().map(e -> new SpecError(e.at().toString(), e.message())).toList();
  }

  private static List<Integer> position(JsonNode root, Pointer at) {
    List<Integer> position = new ArrayList<>();
    JsonNode node = root;
    for (String token : at.tokens()) {
      int index = childIndex(node, token);
      if (index < 0) {
        break;
      }
      position.add(index);
      node = node.isArray() ? node.get(index) : node.get(token);
    }
    return position;
  }

  private static int childIndex(JsonNode node, String token) {
    if (node == null) {
      return -1;
    }
    if (node.isArray()) {
      try {
        int index = Integer.parseInt(token);
        return index >= 0 && index < node.size() ? index : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    int index = 0;
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); index++) {
      if (names.next().equals(token)) {
        return index;
      }
    }
    return -1;
  }

  private static int compare(List<Integer> left, List<Integer> right) {
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int difference = Integer.compare(left.get(i), right.get(i));
      if (difference != 0) {
        return difference;
      }
    }
    return Integer.compare(left.size(), right.size());
  }
}
