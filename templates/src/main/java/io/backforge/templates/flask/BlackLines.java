package io.backforge.templates.flask;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python lines longer than 88 characters the way Black (23.x, default settings) does, so
 * that generated code passes {@code black --check} whatever the lengths of the names and values in
 * a spec. Templates render data-dependent calls and literals on one line; this breaks them at the
 * last bracket (right-hand split), keeps call arguments together on one indented line when they
 * fit, and otherwise puts one element per line with a trailing comma. Collection literals with more
 * than one element that do not fit always get one element per line, as in Black.
 *
 * <p>Lines inside multi-line strings and lines with comments are left alone; templates keep those
 * short. Only ASCII reaches generated Python (see {@link PythonLiterals}), so a character is a
 * column.
 */
final class BlackLines {

  static final int LINE_LENGTH = 88;

  private BlackLines() {}

  /** {@code source} with every over-long line split like Black splits it. */
  static String format(String source) {
    StringBuilder out = new StringBuilder(source.length() + 256);
    String[] lines = source.split("\n", -1);
    Scan scan = new Scan();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean startsInString = scan.inTripleString;
      boolean insideBrackets = scan.depth > 0;
      boolean comment = scan.line(line);
      if (startsInString || scan.inTripleString || line.length() <= LINE_LENGTH || comment) {
        out.append(line);
      } else {
        int indent = indentOf(line);
        out.append(String.join("\n", split(line.substring(indent), indent, insideBrackets)));
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Bracket depth and open triple-quoted strings across the lines of a file. */
  private static final class Scan {
    int depth;
    boolean inTripleString;
    String tripleQuote;

    /** Scans one line; answers whether it has a comment. */
    boolean line(String line) {
      int i = 0;
      if (inTripleString) {
        int end = line.indexOf(tripleQuote);
        if (end < 0) {
          return false;
        }
        inTripleString = false;
        i = end + 3;
      }
      for (; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"' || c == '\'') {
          String triple = String.valueOf(c).repeat(3);
          if (line.startsWith(triple, i) && line.indexOf(triple, i + 3) < 0) {
            inTripleString = true;
            tripleQuote = triple;
            return false;
          }
          i = endOfString(line, i);
        } else if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          depth--;
        } else if (c == '#') {
          return true;
        }
      }
      return false;
    }
  }

  private static List<String> split(String text, int indent, boolean insideBrackets) {
    if (indent + text.length() <= LINE_LENGTH) {
      return List.of(pad(indent) + text);
    }
    if (insideBrackets) {
      List<String> items = topLevelItems(text);
      if (items.size() > 1) {
        return oneItemPerLine(items, indent);
      }
    }
    int close = lastTopLevelClose(text);
    if (close < 0) {
      return List.of(pad(indent) + text);
    }
    int open = matchingOpen(text, close);
    String head = text.substring(0, open + 1);
    String body = text.substring(open + 1, close).strip();
    String tail = text.substring(close);
    if (body.isEmpty()) {
      return List.of(pad(indent) + text);
    }
    List<String> out = new ArrayList<>(split(head, indent, insideBrackets));
    boolean explode = isCollectionLiteral(text, open) && topLevelItems(body).size() > 1;
    if (!explode && indent + 4 + body.length() <= LINE_LENGTH) {
      out.add(pad(indent + 4) + body);
    } else {
      List<String> items = topLevelItems(body);
      out.addAll(
          items.size() > 1 ? oneItemPerLine(items, indent + 4) : split(body, indent + 4, true));
    }
    out.addAll(split(tail, indent, insideBrackets));
    return out;
  }

  private static List<String> oneItemPerLine(List<String> items, int indent) {
    List<String> out = new ArrayList<>();
    for (String item : items) {
      out.addAll(split(item + ",", indent, true));
    }
    return out;
  }

  /** The comma-separated elements at depth 0, without a trailing empty one. */
  private static List<String> topLevelItems(String text) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfString(text, i);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        items.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    String last = text.substring(start).strip();
    if (!last.isEmpty()) {
      items.add(last);
    }
    return items;
  }

  private static int lastTopLevelClose(String text) {
    int depth = 0;
    int last = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfString(text, i);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          last = i;
        }
      }
    }
    return last;
  }

  private static int matchingOpen(String text, int close) {
    int depth = 0;
    int open = -1;
    for (int i = 0; i < close; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfString(text, i);
      } else if (c == '(' || c == '[' || c == '{') {
        if (depth == 0) {
          open = i;
        }
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
    }
    return open;
  }

  /** A list, set, dict or tuple display rather than a call or a subscript. */
  private static boolean isCollectionLiteral(String text, int open) {
    char bracket = text.charAt(open);
    if (bracket == '{') {
      return true;
    }
    int before = open - 1;
    if (before < 0 || text.charAt(before) == ' ') {
      return true;
    }
    char c = text.charAt(before);
    return !(Character.isLetterOrDigit(c) || c == '_' || c == ')' || c == ']' || c == '"');
  }

  /** Index of the closing quote of the string literal starting at {@code start}. */
  private static int endOfString(String text, int start) {
    char quote = text.charAt(start);
    boolean triple = text.startsWith(String.valueOf(quote).repeat(3), start);
    if (triple) {
      int end = text.indexOf(String.valueOf(quote).repeat(3), start + 3);
      return end < 0 ? text.length() - 1 : end + 2;
    }
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return text.length() - 1;
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String pad(int indent) {
    return " ".repeat(indent);
  }
}
