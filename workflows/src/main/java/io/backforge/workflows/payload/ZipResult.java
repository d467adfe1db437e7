package io.backforge.workflows.payload;

/**
 * The stored zip.
 *
 * @param artifactHash SHA-256 of the zip
 * @param size zip size in bytes
 * @param fileCount number of files in it
 * @param attempt the activity attempt that produced this result
 */
public record ZipResult(String artifactHash, long size, int fileCount, int attempt)
    implements Attempted {
  /** For the step's progress. */
  @Override
  public String detail() {
    return size() + " bytes";
  }
}
