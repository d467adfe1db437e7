package io.backforge.activities.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Where the Temporal server is, as the process found it at start-up.
 *
 * @param target host:port of the frontend
 * @param namespace the namespace used
 * @param embedded whether this process runs Temporal's in-memory test server itself
 * @param ready completes when the server answers; the embedded server starts in the background
 *     while the rest of the application starts
 */
public record TemporalConnection(
    String target, String namespace, boolean embedded, CompletableFuture<Void> ready) {

  /** Blocks until the server can take calls; rethrows why it could not start. */
  public void awaitReady() {
    try {
      ready.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Temporal was starting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the embedded Temporal server did not start", e.getCause());
    }
  }
}
