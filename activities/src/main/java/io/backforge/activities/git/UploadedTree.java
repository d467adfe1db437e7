package io.backforge.activities.git;

import io.backforge.templates.generate.GeneratedProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a user's zip into a tree of files, refusing what could hurt: paths that leave the tree
 * ({@code ..}, absolute, backslashes), links, duplicate paths, more than {@link #MAX_ENTRIES}
 * entries or more than {@link #MAX_FILE_BYTES} per file and {@link #MAX_TOTAL_BYTES} in all, as
 * actually inflated (the sizes a zip declares are not trusted). Entries and their modes are read
 * from the central directory, which is what unzip tools act on. A single folder holding everything,
 * as in a downloaded project's zip, is taken off.
 */
public final class UploadedTree {

  /** Largest zip accepted, compressed. */
  public static final int MAX_ZIP_BYTES = 32 * 1024 * 1024;

  /** Most entries, folders included. */
  public static final int MAX_ENTRIES = 10_000;

  /** Largest file, inflated. */
  public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

  /** Largest sum of the files, inflated. */
  public static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;

  private UploadedTree() {}

  /** The files of {@code zip} by relative path; an {@link UnsafeUploadException} when refused. */
  public static SortedMap<String, byte[]> read(byte[] zip) {
    return read(zip, Set.of());
  }

  /**
   * The files of {@code zip} by relative path, as {@link #read(byte[])}; a single folder holding
   * everything is kept when it is one of {@code treeFolders} (the upload is then that folder of the
   * tree, not the tree in a root folder).
   */
  public static SortedMap<String, byte[]> read(byte[] zip, Set<String> treeFolders) {
    if (zip.length > MAX_ZIP_BYTES) {
      throw new UnsafeUploadException("The zip must not exceed " + MAX_ZIP_BYTES + " bytes.");
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    long total = 0;
    int entries = 0;
    try (ZipFile in =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
      Enumeration<ZipArchiveEntry> all = in.getEntries();
      while (all.hasMoreElements()) {
        ZipArchiveEntry entry = all.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw new UnsafeUploadException("The zip has more than " + MAX_ENTRIES + " entries.");
        }
        if (entry.isDirectory()) {
          continue;
        }
        if (entry.isUnixSymlink()) {
          throw new UnsafeUploadException("The zip holds a link: " + safeName(entry.getName()));
        }
        String path = checked(entry.getName());
        byte[] content;
        try (InputStream stream = in.getInputStream(entry)) {
          content = readBounded(stream, path);
        }
        total += content.length;
        if (total > MAX_TOTAL_BYTES) {
          throw new UnsafeUploadException(
              "The zip's files together exceed " + MAX_TOTAL_BYTES + " bytes.");
        }
        if (files.put(path, content) != null) {
          throw new UnsafeUploadException("The zip holds " + path + " twice.");
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof UnsafeUploadException unsafe) {
        throw unsafe;
      }
      throw new UnsafeUploadException("The body is not a readable zip.");
    }
    if (files.isEmpty()) {
      throw new UnsafeUploadException("The zip holds no files.");
    }
    return withoutSingleRoot(files, treeFolders);
  }

  private static String checked(String name) {
    String path = name.startsWith("./") ? name.substring(2) : name;
    if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
      throw new UnsafeUploadException("The zip holds an unsafe path: " + safeName(name));
    }
    try {
      GeneratedProject.checkPath(path);
    } catch (IllegalArgumentException e) {
      throw new UnsafeUploadException("The zip holds an unsafe path: " + safeName(name));
    }
    return path;
  }

  private static byte[] readBounded(InputStream in, String path) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int read;
    while ((read = in.read(buffer)) != -1) {
      if (out.size() + read > MAX_FILE_BYTES) {
        throw new UnsafeUploadException(path + " exceeds " + MAX_FILE_BYTES + " bytes.");
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  /** {@code files} without the one folder that holds them all, if there is one. */
  static SortedMap<String, byte[]> withoutSingleRoot(
      SortedMap<String, byte[]> files, Set<String> treeFolders) {
    String first = files.firstKey();
    int slash = first.indexOf('/');
    if (slash < 0 || treeFolders.contains(first.substring(0, slash))) {
      return files;
    }
    String root = first.substring(0, slash + 1);
    if (!files.keySet().stream().allMatch(path -> path.startsWith(root))) {
      return files;
    }
    SortedMap<String, byte[]> inner = new TreeMap<>();
    files.forEach((path, content) -> inner.put(path.substring(root.length()), content));
    return inner;
  }

  /** A name fit to be shown back: at most 200 visible characters. */
  private static String safeName(String name) {
    String visible = name.replaceAll("[^\\x21-\\x7e]", "?");
    return visible.length() > 200 ? visible.substring(0, 200) + "..." : visible;
  }
}
