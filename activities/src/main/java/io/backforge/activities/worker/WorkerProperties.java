package io.backforge.activities.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the workers of the {@code worker} role ({@code backforge.worker.*}).
 *
 * @param stickyExecution {@code auto} (off against Temporal's test server, whether this process
 *     started it or joined another's; on against a real server), {@code on} or {@code off}. The
 *     test server never times out a dead worker's sticky queue, so without this a workflow whose
 *     worker died would wait forever.
 * @param maxConcurrentActivities activity slots per task queue
 * @param maxConcurrentWorkflowTasks workflow task slots; a workflow task holds one while its local
 *     activities (the short generation steps) run, so there are more of them than activity slots
 */
@ConfigurationProperties("backforge.worker")
public record WorkerProperties(
    @DefaultValue("auto") String stickyExecution,
    @DefaultValue("16") int maxConcurrentActivities,
    @DefaultValue("64") int maxConcurrentWorkflowTasks) {

  /** Whether workers should be built without sticky execution against this server. */
  public boolean stickyDisabled(boolean testServer) {
    return switch (stickyExecution) {
      case "on" -> false;
      case "off" -> true;
      default -> testServer;
    };
  }
}
