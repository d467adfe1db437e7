package io.backforge.templates.generate;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The files of a generated project, keyed by their path relative to the project root, in a fixed
 * (sorted) order. Paths are checked on the way in: relative, forward slashes, no empty, {@code .}
 * or {@code ..} segments, only safe characters; dot files such as {@code .env.example} are allowed.
 *
 * @param rootFolder the single top-level folder of the zip, a checked identifier in kebab case
 * @param files file contents by relative path
 */
public record GeneratedProject(String rootFolder, SortedMap<String, byte[]> files) {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9._-]{0,99}");

  public GeneratedProject {
    checkPath(rootFolder);
    if (rootFolder.contains("/")) {
      throw new IllegalArgumentException("root folder must be a single segment");
    }
    files.keySet().forEach(GeneratedProject::checkPath);
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** Throws {@link IllegalArgumentException} unless {@code path} is a safe relative path. */
  public static void checkPath(String path) {
    if (path == null || path.isEmpty() || path.length() > 400) {
      throw new IllegalArgumentException("empty or too long path");
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
        throw new IllegalArgumentException("unsafe path segment in " + path);
      }
    }
  }

  /** The text of the file at {@code path}, decoded as UTF-8, or {@code null} if absent. */
  public String text(String path) {
    byte[] content = files.get(path);
    return content == null ? null : new String(content, StandardCharsets.UTF_8);
  }

  /**
   * Writes every file under {@code dir} (created as needed), scripts executable as in the zip
   * ({@link ProjectZipper}); paths are checked at construction, so none leaves {@code dir}.
   */
  public void writeTo(java.nio.file.Path dir) throws java.io.IOException {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      java.nio.file.Path target = dir.resolve(file.getKey()).normalize();
      java.nio.file.Files.createDirectories(target.getParent());
      java.nio.file.Files.write(target, file.getValue());
      if (ProjectZipper.executable(file.getKey())) {
        target.toFile().setExecutable(true);
      }
    }
  }

  /** A builder collecting files in any order. */
  public static Builder builder(String rootFolder) {
    return new Builder(rootFolder);
  }

  /** Collects files for a {@link GeneratedProject}; a path may be added once. */
  public static final class Builder {
    private final String rootFolder;
    private final Map<String, byte[]> files = new TreeMap<>();

    private Builder(String rootFolder) {
      this.rootFolder = rootFolder;
    }

    /** Adds a UTF-8 text file. */
    public Builder text(String path, String content) {
      return bytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a file. */
    public Builder bytes(String path, byte[] content) {
      checkPath(path);
      if (files.putIfAbsent(path, content) != null) {
        throw new IllegalStateException("duplicate generated file " + path);
      }
      return this;
    }

    /** The project. */
    public GeneratedProject build() {
      return new GeneratedProject(rootFolder, new TreeMap<>(files));
    }
  }
}
