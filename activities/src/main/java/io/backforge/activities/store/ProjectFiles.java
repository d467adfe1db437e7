package io.backforge.activities.store;

import io.backforge.templates.generate.GeneratedProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Generated projects in the blob store: every file a content-addressed blob, plus a {@link
 * Manifest} blob naming them. Storing the same files again writes nothing new.
 */
@Component
public class ProjectFiles {

  private final BlobStore blobs;

  /** Files stored in {@code blobs}. */
  public ProjectFiles(BlobStore blobs) {
    this.blobs = blobs;
  }

  /**
   * What was stored.
   *
   * @param manifestHash the manifest's hash, which names exactly these files
   * @param fileCount how many files
   * @param totalBytes their total size
   */
  public record Stored(String manifestHash, int fileCount, long totalBytes) {}

  /** Stores the files (one batch) and their manifest. */
  public Stored store(GeneratedProject project) {
    List<String> paths = new ArrayList<>(project.files().keySet());
    List<byte[]> contents = paths.stream().map(project.files()::get).toList();
    List<String> hashes = blobs.putAll(contents);
    SortedMap<String, String> entries = new TreeMap<>();
    for (int i = 0; i < paths.size(); i++) {
      entries.put(paths.get(i), hashes.get(i));
    }
    String manifestHash = blobs.put(new Manifest(project.rootFolder(), entries).toBytes());
    long total = contents.stream().mapToLong(c -> c.length).sum();
    return new Stored(manifestHash, paths.size(), total);
  }

  /** The files a manifest names, read in one query. */
  public GeneratedProject load(String manifestHash) {
    Manifest manifest = Manifest.parse(require(blobs.get(manifestHash).orElse(null), manifestHash));
    Map<String, byte[]> contents = blobs.getAll(manifest.files().values());
    GeneratedProject.Builder project = GeneratedProject.builder(manifest.rootFolder());
    manifest
        .files()
        .forEach((path, hash) -> project.bytes(path, require(contents.get(hash), hash)));
    return project.build();
  }

  private static byte[] require(byte[] content, String hash) {
    if (content == null) {
      throw new IllegalStateException("blob " + hash + " is missing");
    }
    return content;
  }
}
