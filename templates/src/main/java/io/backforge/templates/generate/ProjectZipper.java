package io.backforge.templates.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Packs a generated project into a zip with one root folder. The archive is deterministic: entries
 * in path order, a fixed timestamp, no directory entries, no links, so the same project always
 * gives the same bytes. Every entry carries Unix permissions: {@code rwxr-xr-x} for the scripts a
 * user runs straight after unzipping ({@code mvnw}, {@code gradlew}, {@code *.sh}), {@code
 * rw-r--r--} for everything else.
 */
public final class ProjectZipper {

  /** 1980-01-01T00:00:00Z, the earliest time a zip entry can carry. */
  private static final long EPOCH = 315_532_800_000L;

  static final int REGULAR_FILE = 0100644;
  static final int EXECUTABLE_FILE = 0100755;

  private ProjectZipper() {}

  /** The zip archive of {@code project}. */
  public static byte[] zip(GeneratedProject project) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      zip.setLevel(6);
      for (Map.Entry<String, byte[]> file : project.files().entrySet()) {
        ZipArchiveEntry entry = new ZipArchiveEntry(project.rootFolder() + "/" + file.getKey());
        entry.setTime(EPOCH);
        entry.setUnixMode(executable(file.getKey()) ? EXECUTABLE_FILE : REGULAR_FILE);
        zip.putArchiveEntry(entry);
        zip.write(file.getValue());
        zip.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Whether the file at {@code path} is a script to run as it is. */
  public static boolean executable(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.equals("mvnw") || name.equals("gradlew") || name.endsWith(".sh");
  }
}
