package io.backforge.activities.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

class ZipMergeTests {

  private static final String MODEL_V1 =
      "class Book:\n    title = str\n\n\ndef helper():\n    return 1\n";
  private static final String MODEL_V2 =
      "class Book:\n    title = str\n    isbn = str\n\n\ndef helper():\n    return 1\n";

  @Test
  void anEditOnOneSideAndAFieldOnTheOtherAreBothKept() {
    String edited = MODEL_V1.replace("return 1", "return 42  # mine");
    ZipMerge.Merged merged =
        ZipMerge.merge(
            Map.of("app/model.py", bytes(MODEL_V1)),
            Map.of("app/model.py", bytes(edited)),
            Map.of("app/model.py", bytes(MODEL_V2)));
    assertThat(merged.conflicts()).isEmpty();
    assertThat(text(merged.files().get("app/model.py")))
        .contains("isbn = str")
        .contains("return 42  # mine");
  }

  @Test
  void overlappingEditsAreAConflictWithMarkersAndBothVersions() {
    ZipMerge.Merged merged =
        ZipMerge.merge(
            Map.of("app/model.py", bytes(MODEL_V1)),
            Map.of("app/model.py", bytes(MODEL_V1.replace("title = str", "title = bytes"))),
            Map.of("app/model.py", bytes(MODEL_V1.replace("title = str", "title = text"))));
    assertThat(merged.conflicts()).containsOnlyKeys("app/model.py");
    assertThat(text(merged.files().get("app/model.py")))
        .contains("<<<<<<< yours", "title = bytes", "=======", "title = text", ">>>>>>> backforge");
    assertThat(text(ZipMerge.conflictsFile(merged.conflicts()))).contains("app/model.py\t");
  }

  @Test
  void additionsAndDeletionsOnEitherSideAreTaken() {
    Map<String, byte[]> base = Map.of("old.txt", bytes("x\n"), "gone.txt", bytes("y\n"));
    Map<String, byte[]> ours = Map.of("old.txt", bytes("x\n"), "mine.txt", bytes("m\n"));
    Map<String, byte[]> theirs =
        Map.of("gone.txt", bytes("y\n"), "new.txt", bytes("n\n"), "mine.txt", bytes("m\n"));
    ZipMerge.Merged merged = ZipMerge.merge(base, ours, theirs);
    assertThat(merged.files()).containsOnlyKeys("mine.txt", "new.txt");
    assertThat(merged.conflicts()).isEmpty();
  }

  @Test
  void aDeletionAgainstAChangeKeepsTheChangeAndIsAConflict() {
    ZipMerge.Merged merged =
        ZipMerge.merge(
            Map.of("a.txt", bytes("1\n"), "b.txt", bytes("1\n")),
            Map.of("a.txt", bytes("2\n")),
            Map.of("b.txt", bytes("2\n")));
    assertThat(text(merged.files().get("a.txt"))).isEqualTo("2\n");
    assertThat(text(merged.files().get("b.txt"))).isEqualTo("2\n");
    assertThat(merged.conflicts()).containsOnlyKeys("a.txt", "b.txt");
  }

  @Test
  void aBinaryFileChangedOnBothSidesKeepsTheUsersAndIsAConflict() {
    byte[] base = {0, 1, 2};
    byte[] ours = {0, 1, 3};
    byte[] theirs = {0, 1, 4};
    ZipMerge.Merged merged =
        ZipMerge.merge(
            Map.of("logo.png", base), Map.of("logo.png", ours), Map.of("logo.png", theirs));
    assertThat(merged.files().get("logo.png")).isEqualTo(ours);
    assertThat(merged.conflicts()).containsKey("logo.png");
  }

  @Test
  void anUploadedZipLosesItsSingleRootFolder() throws IOException {
    byte[] zip = zip(Map.of("library/app/model.py", "a", "library/README.md", "b"));
    assertThat(UploadedTree.read(zip)).containsOnlyKeys("app/model.py", "README.md");
  }

  @Test
  void aSingleFolderThatIsPartOfTheTreeIsKept() throws IOException {
    byte[] zip = zip(Map.of("app/model.py", "a", "app/views.py", "b"));
    assertThat(UploadedTree.read(zip, java.util.Set.of("app", "tests")))
        .containsOnlyKeys("app/model.py", "app/views.py");
  }

  @Test
  void zipSlipAbsoluteAndBackslashPathsAreRefused() throws IOException {
    for (String path :
        new String[] {"../evil.sh", "a/../../evil", "/etc/passwd", "a\\..\\b", "C:x"}) {
      byte[] zip = zip(Map.of(path, "x"));
      assertThatThrownBy(() -> UploadedTree.read(zip))
          .as(path)
          .isInstanceOf(UnsafeUploadException.class);
    }
  }

  @Test
  void linksAreRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      ZipArchiveEntry link = new ZipArchiveEntry("p/link");
      link.setUnixMode(0120777);
      out.putArchiveEntry(link);
      out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
      out.closeArchiveEntry();
    }
    assertThatThrownBy(() -> UploadedTree.read(bytes.toByteArray()))
        .isInstanceOf(UnsafeUploadException.class)
        .hasMessageContaining("link");
  }

  @Test
  void aFileInflatingBeyondTheLimitIsRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      out.putArchiveEntry(new ZipArchiveEntry("p/zeros.txt"));
      out.write(new byte[UploadedTree.MAX_FILE_BYTES + 1]);
      out.closeArchiveEntry();
    }
    assertThat(bytes.size()).isLessThan(100_000);
    assertThatThrownBy(() -> UploadedTree.read(bytes.toByteArray()))
        .isInstanceOf(UnsafeUploadException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void tooManyEntriesAreRefused() throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (int i = 0; i <= UploadedTree.MAX_ENTRIES; i++) {
      files.put("p/f" + i, "");
    }
    byte[] zip = zip(files);
    assertThatThrownBy(() -> UploadedTree.read(zip))
        .isInstanceOf(UnsafeUploadException.class)
        .hasMessageContaining("entries");
  }

  @Test
  void somethingThatIsNotAZipIsRefused() {
    assertThatThrownBy(() -> UploadedTree.read(bytes("hello")))
        .isInstanceOf(UnsafeUploadException.class);
  }

  static byte[] zip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
        out.putArchiveEntry(new ZipArchiveEntry(file.getKey()));
        out.write(bytes(file.getValue()));
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
