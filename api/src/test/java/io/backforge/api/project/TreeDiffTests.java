package io.backforge.api.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.store.BlobStore;
import io.backforge.api.project.FileDiff.Change;
import io.backforge.api.project.FileDiff.Line.Kind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TreeDiffTests {

  private final Map<String, byte[]> blobs = new HashMap<>();

  @Test
  void aModifiedFileGetsAGitHeaderAndAHunkWithThreeLinesOfContext() {
    TreeDiff.Tree from = tree(Map.of("app/models.py", "a\nb\nc\nd\ne\nf\ng\nh\n"));
    TreeDiff.Tree to = tree(Map.of("app/models.py", "a\nb\nc\nd\nE\nf\ng\nh\n"));

    List<FileDiff> files = TreeDiff.between(from, to);

    assertThat(files)
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.path()).isEqualTo("app/models.py");
              assertThat(file.change()).isEqualTo(Change.MODIFIED);
              assertThat(file.binary()).isFalse();
              assertThat(file.patch())
                  .startsWith("diff --git a/app/models.py b/app/models.py\nindex ")
                  .contains(" 100644\n--- a/app/models.py\n+++ b/app/models.py\n")
                  .endsWith("@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
              assertThat(file.additions()).isEqualTo(1);
              assertThat(file.deletions()).isEqualTo(1);
            });
  }

  @Test
  void addedAndRemovedFilesAreDiffedAgainstDevNull() {
    TreeDiff.Tree from = tree(Map.of("old.txt", "gone\n", "same.txt", "kept\n"));
    TreeDiff.Tree to = tree(Map.of("new.txt", "here\n", "same.txt", "kept\n"));

    List<FileDiff> files = TreeDiff.between(from, to);

    assertThat(files).extracting(FileDiff::path).containsExactly("new.txt", "old.txt");
    assertThat(files.get(0).change()).isEqualTo(Change.ADDED);
    assertThat(files.get(0).patch())
        .isEqualTo(
            "diff --git a/new.txt b/new.txt\n"
                + "new file mode 100644\n"
                + "index 0000000..012ea92\n"
                + "--- /dev/null\n"
                + "+++ b/new.txt\n"
                + "@@ -0,0 +1 @@\n"
                + "+here\n");
    assertThat(files.get(1).change()).isEqualTo(Change.REMOVED);
    assertThat(files.get(1).patch())
        .startsWith("diff --git a/old.txt b/old.txt\ndeleted file mode 100644\n")
        .contains("--- a/old.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n");
  }

  @Test
  void aBinaryFileIsNotedNotPrinted() {
    TreeDiff.Tree from = tree(Map.of());
    TreeDiff.Tree to =
        new TreeDiff.Tree(
            hashes(Map.of("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1})), blobs::get);

    FileDiff file = TreeDiff.between(from, to).get(0);

    assertThat(file.binary()).isTrue();
    assertThat(file.patch()).contains("Binary files differ").doesNotContain("PNG");
  }

  @Test
  void aMissingNewlineAtTheEndIsSaid() {
    TreeDiff.Tree from = tree(Map.of("README.md", "one\n"));
    TreeDiff.Tree to = tree(Map.of("README.md", "one\ntwo"));

    String patch = TreeDiff.between(from, to).get(0).patch();

    assertThat(patch).endsWith(" one\n+two\n\\ No newline at end of file\n");
  }

  @Test
  void theSameTreeHasNoChangesAndReadsNoContent() {
    TreeDiff.Tree tree = tree(Map.of("a.txt", "a\n"));
    TreeDiff.Tree unreadable =
        new TreeDiff.Tree(
            tree.hashes(),
            hash -> {
              throw new AssertionError("read " + hash);
            });

    assertThat(TreeDiff.between(unreadable, unreadable)).isEmpty();
    assertThat(TreeDiff.unified(List.of())).isEmpty();
  }

  @Test
  void linesAreClassifiedSoThatAnAddedLineStartingWithPlusesIsNotAHeader() {
    TreeDiff.Tree from = tree(Map.of("notes.txt", "x\n"));
    TreeDiff.Tree to = tree(Map.of("notes.txt", "x\n++ not a header\n"));

    FileDiff file = TreeDiff.between(from, to).get(0);

    assertThat(file.lines())
        .extracting(FileDiff.Line::kind)
        .containsExactly(
            Kind.HEADER,
            Kind.HEADER,
            Kind.HEADER,
            Kind.HEADER,
            Kind.HUNK,
            Kind.CONTEXT,
            Kind.ADDED);
    assertThat(file.lines().get(6).text()).isEqualTo("+++ not a header");
  }

  @Test
  void theUnifiedDiffIsEveryFilesPatchInPathOrder() {
    TreeDiff.Tree from = tree(Map.of("b.txt", "1\n", "a.txt", "1\n"));
    TreeDiff.Tree to = tree(Map.of("b.txt", "2\n", "a.txt", "2\n"));

    String unified = TreeDiff.unified(TreeDiff.between(from, to));

    assertThat(unified.indexOf("diff --git a/a.txt")).isZero();
    assertThat(unified.indexOf("diff --git a/b.txt")).isPositive();
  }

  private TreeDiff.Tree tree(Map<String, String> files) {
    Map<String, byte[]> bytes = new HashMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return new TreeDiff.Tree(hashes(bytes), blobs::get);
  }

  private SortedMap<String, String> hashes(Map<String, byte[]> files) {
    SortedMap<String, String> hashes = new TreeMap<>();
    files.forEach(
        (path, content) -> {
          String hash = BlobStore.hash(content);
          blobs.put(hash, content);
          hashes.put(path, hash);
        });
    return hashes;
  }
}
