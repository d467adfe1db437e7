package io.backforge.api.project;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;

/**
 * How one generated file changed between two generations.
 *
 * @param path the file's path in the generated tree
 * @param change whether it was added, removed or modified
 * @param binary whether either side is binary (then the patch only says that it differs)
 * @param patch the file's part of the unified diff, its {@code diff --git} header included
 */
public record FileDiff(String path, Change change, boolean binary, String patch) {

  /** What happened to a file. */
  public enum Change {
    ADDED,
    REMOVED,
    MODIFIED;

    static Change of(DiffEntry.ChangeType type) {
      return switch (type) {
        case ADD -> ADDED;
        case DELETE -> REMOVED;
        default -> MODIFIED;
      };
    }
  }

  /** The patch line by line, each with its kind, for a page to show. */
  public List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    boolean inHunk = false;
    for (String text : patch.split("\n")) {
      inHunk |= text.startsWith("@@");
      lines.add(new Line(inHunk ? Line.Kind.of(text) : Line.Kind.HEADER, text));
    }
    return lines;
  }

  /** How many lines the patch adds. */
  public long additions() {
    return lines().stream().filter(line -> line.kind() == Line.Kind.ADDED).count();
  }

  /** How many lines the patch removes. */
  public long deletions() {
    return lines().stream().filter(line -> line.kind() == Line.Kind.REMOVED).count();
  }

  /**
   * One line of a patch.
   *
   * @param kind what the line is
   * @param text the line as the patch has it
   */
  public record Line(Kind kind, String text) {

    /** The kinds of patch lines. */
    public enum Kind {
      HEADER,
      HUNK,
      ADDED,
      REMOVED,
      CONTEXT;

      /** The kind of a line inside a file's hunks. */
      static Kind of(String text) {
        if (text.startsWith("@@")) {
          return HUNK;
        }
        if (text.startsWith("+")) {
          return ADDED;
        }
        return text.startsWith("-") ? REMOVED : CONTEXT;
      }
    }
  }
}
