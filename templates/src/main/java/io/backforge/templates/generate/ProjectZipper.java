package io.backforge.templates.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a generated project into a zip with one root folder. The archive is deterministic: entries
 * in path order, a fixed timestamp, no directory entries, no links, so the same project always
 * gives the same bytes.
 */
public final class ProjectZipper {

  /** 1980-01-01T00:00:00Z, the earliest time a zip entry can carry. */
  private static final FileTime EPOCH = FileTime.fromMillis(315_532_800_000L);

  private ProjectZipper() {}

  /** The zip archive of {@code project}. */
  public static byte[] zip(GeneratedProject project) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(6);
      for (Map.Entry<String, byte[]> file : project.files().entrySet()) {
        ZipEntry entry = new ZipEntry(project.rootFolder() + "/" + file.getKey());
        entry.setLastModifiedTime(EPOCH);
        entry.setCreationTime(EPOCH);
        entry.setLastAccessTime(EPOCH);
        entry.setTime(EPOCH.toMillis());
        zip.putNextEntry(entry);
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
