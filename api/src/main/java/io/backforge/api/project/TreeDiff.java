package io.backforge.api.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * The unified diff between two generated trees, as git writes it: a {@code diff --git} header per
 * file with its index line and modes, added and removed files against {@code /dev/null}, binary
 * files noted as such, hunks from JGit's {@link HistogramDiff} with three lines of context. Only
 * the files whose content hashes differ are read and compared; they go into a throw-away repository
 * in memory so that JGit's own {@link DiffFormatter} writes every header, with the blobs' real git
 * ids. {@link InMemoryRepository} lives in an internal package of JGit but is the in-memory
 * repository JGit's own tests and Gerrit build on; the alternative, a temporary bare repository on
 * disk per request, would write every changed file to disk for nothing.
 */
public final class TreeDiff {

  private static final int CONTEXT_LINES = 3;

  private TreeDiff() {}

  /**
   * A generated tree: the content hash of each file by path, and how to read a content by hash.
   *
   * @param hashes content hash by path
   * @param contents the content of a hash
   */
  public record Tree(SortedMap<String, String> hashes, Function<String, byte[]> contents) {}

  /** The files that differ from {@code from} to {@code to}, in path order, each with its patch. */
  public static List<FileDiff> between(Tree from, Tree to) {
    Set<String> changed = new TreeSet<>();
    changed.addAll(from.hashes().keySet());
    changed.addAll(to.hashes().keySet());
    changed.removeIf(path -> same(from.hashes().get(path), to.hashes().get(path)));
    if (changed.isEmpty()) {
      return List.of();
    }
    Map<String, byte[]> before = read(from, changed);
    Map<String, byte[]> after = read(to, changed);
    try (InMemoryRepository repository =
            new InMemoryRepository(new DfsRepositoryDescription("backforge-diff"));
        ObjectInserter inserter = repository.newObjectInserter()) {
      ObjectId oldTree = write(inserter, before);
      ObjectId newTree = write(inserter, after);
      inserter.flush();
      List<FileDiff> files = new ArrayList<>();
      try (DiffFormatter scanner = formatter(repository, OutputStream.nullOutputStream())) {
        for (DiffEntry entry : scanner.scan(oldTree, newTree)) {
          String path =
              entry.getChangeType() == DiffEntry.ChangeType.DELETE
                  ? entry.getOldPath()
                  : entry.getNewPath();
          files.add(
              new FileDiff(
                  path,
                  FileDiff.Change.of(entry.getChangeType()),
                  binary(before.get(path)) || binary(after.get(path)),
                  patch(repository, entry)));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("An in-memory diff failed", e);
    }
  }

  /** The whole diff as one text, as {@code git diff} prints it. */
  public static String unified(List<FileDiff> files) {
    StringBuilder text = new StringBuilder();
    files.forEach(file -> text.append(file.patch()));
    return text.toString();
  }

  private static boolean same(String a, String b) {
    return a != null && a.equals(b);
  }

  /** The contents of those of the paths that the tree holds. */
  private static Map<String, byte[]> read(Tree tree, Set<String> paths) {
    Map<String, byte[]> contents = new TreeMap<>();
    for (String path : paths) {
      String hash = tree.hashes().get(path);
      if (hash != null) {
        contents.put(path, tree.contents().apply(hash));
      }
    }
    return contents;
  }

  private static ObjectId write(ObjectInserter inserter, Map<String, byte[]> files)
      throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      DirCacheEntry entry = new DirCacheEntry(file.getKey());
      entry.setFileMode(FileMode.REGULAR_FILE);
      entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
      builder.add(entry);
    }
    builder.finish();
    return index.writeTree(inserter);
  }

  private static String patch(InMemoryRepository repository, DiffEntry entry) throws IOException {
    ByteArrayOutputStream patch = new ByteArrayOutputStream();
    try (DiffFormatter formatter = formatter(repository, patch)) {
      formatter.format(entry);
    }
    return patch.toString(StandardCharsets.UTF_8);
  }

  private static boolean binary(byte[] content) {
    return content != null && RawText.isBinary(content);
  }

  private static DiffFormatter formatter(InMemoryRepository repository, OutputStream out) {
    DiffFormatter formatter = new DiffFormatter(out);
    formatter.setRepository(repository);
    formatter.setDiffAlgorithm(new HistogramDiff());
    formatter.setContext(CONTEXT_LINES);
    formatter.setDetectRenames(false);
    return formatter;
  }
}
