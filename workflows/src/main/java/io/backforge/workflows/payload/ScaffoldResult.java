package io.backforge.workflows.payload;

/**
 * The rendered files, stored as content-addressed blobs with a manifest.
 *
 * @param manifestHash SHA-256 of the manifest (sorted path and hash lines)
 * @param fileCount number of files
 * @param totalBytes sum of the file sizes
 * @param attempt the activity attempt that produced this result
 */
public record ScaffoldResult(String manifestHash, int fileCount, long totalBytes, int attempt)
    implements Attempted {
  /** For the step's progress. */
  @Override
  public String detail() {
    return fileCount() + " files";
  }
}
