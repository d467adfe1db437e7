package io.backforge.activities.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/**
 * A three-way merge of trees, file by file, with JGit's {@link MergeAlgorithm}: base is the
 * generation the user started from, ours the user's edited tree, theirs the new generation. A file
 * changed on one side only takes that side (a deletion included); text changed on both sides is
 * merged line by line, and overlapping changes are kept both, between conflict markers. A file
 * deleted on one side and changed on the other keeps the change; a binary file changed on both
 * keeps the user's version. Both are reported as conflicts, so nothing is lost silently.
 */
public final class ZipMerge {

  /** Labels of the conflict markers: {@code <<<<<<< yours}, {@code >>>>>>> backforge}. */
  static final List<String> LABELS = List.of("base", "yours", "backforge");

  /**
   * The merged tree.
   *
   * @param files content by path
   * @param conflicts the conflicted paths, sorted, each with why
   */
  public record Merged(SortedMap<String, byte[]> files, SortedMap<String, String> conflicts) {}

  private ZipMerge() {}

  /** Merges {@code ours} and {@code theirs}, both descended from {@code base}. */
  public static Merged merge(
      Map<String, byte[]> base, Map<String, byte[]> ours, Map<String, byte[]> theirs) {
    SortedMap<String, byte[]> merged = new TreeMap<>();
    SortedMap<String, String> conflicts = new TreeMap<>();
    TreeSet<String> paths = new TreeSet<>(base.keySet());
    paths.addAll(ours.keySet());
    paths.addAll(theirs.keySet());
    for (String path : paths) {
      byte[] b = base.get(path);
      byte[] o = ours.get(path);
      byte[] t = theirs.get(path);
      if (same(o, t) || same(t, b)) {
        put(merged, path, o);
      } else if (same(o, b)) {
        put(merged, path, t);
      } else if (o == null || t == null) {
        put(merged, path, o == null ? t : o);
        conflicts.put(
            path,
            o == null
                ? "you deleted it, the new generation changed it: kept the new generation's"
                : "you changed it, the new generation deleted it: kept yours");
      } else if (RawText.isBinary(o) || RawText.isBinary(t) || (b != null && RawText.isBinary(b))) {
        merged.put(path, o);
        conflicts.put(path, "binary, changed on both sides: kept yours");
      } else {
        MergeResult<RawText> text = mergeText(b, o, t);
        merged.put(path, format(text));
        if (text.containsConflicts()) {
          conflicts.put(path, "changed on both sides: conflict markers in the file");
        }
      }
    }
    return new Merged(merged, conflicts);
  }

  private static MergeResult<RawText> mergeText(byte[] base, byte[] ours, byte[] theirs) {
    MergeAlgorithm algorithm =
        new MergeAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));
    return algorithm.merge(
        RawTextComparator.DEFAULT,
        new RawText(base == null ? new byte[0] : base),
        new RawText(ours),
        new RawText(theirs));
  }

  private static byte[] format(MergeResult<RawText> result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new MergeFormatter().formatMerge(out, result, LABELS, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The text of {@code CONFLICTS.txt}: one line per conflicted path, with why. */
  public static byte[] conflictsFile(SortedMap<String, String> conflicts) {
    List<String> lines = new ArrayList<>();
    lines.add("# Files the merge could not settle; search them for <<<<<<< and >>>>>>>.");
    conflicts.forEach((path, why) -> lines.add(path + "\t" + why));
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static boolean same(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }

  private static void put(SortedMap<String, byte[]> files, String path, byte[] content) {
    if (content != null) {
      files.put(path, content);
    }
  }
}
