package io.backforge.activities.store;

import io.backforge.templates.generate.GeneratedProject;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a generated project as paths and content hashes. Stored as a blob itself, so its
 * hash names one exact set of files: a text of {@code root <folder>} followed by sorted {@code
 * <hash> <path>} lines.
 *
 * @param rootFolder the zip's root folder
 * @param files content hash by path
 */
public record Manifest(String rootFolder, SortedMap<String, String> files) {

  public Manifest {
    GeneratedProject.checkPath(rootFolder);
    files.keySet().forEach(GeneratedProject::checkPath);
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** The canonical text form. */
  public byte[] toBytes() {
    StringBuilder text = new StringBuilder("root ").append(rootFolder).append('\n');
    for (Map.Entry<String, String> file : files.entrySet()) {
      text.append(file.getValue()).append(' ').append(file.getKey()).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the canonical text form. */
  public static Manifest parse(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
    if (lines.length == 0 || !lines[0].startsWith("root ")) {
      throw new IllegalArgumentException("not a manifest");
    }
    SortedMap<String, String> files = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int space = lines[i].indexOf(' ');
      files.put(lines[i].substring(space + 1), lines[i].substring(0, space));
    }
    return new Manifest(lines[0].substring("root ".length()), files);
  }
}
