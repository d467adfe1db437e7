package io.backforge.activities.worker;

import io.backforge.activities.verification.Toolchain;
import io.backforge.workflows.EnrichmentActivities;
import io.backforge.workflows.GenerationActivities;
import io.backforge.workflows.ProjectGenerationWorkflowImpl;
import io.backforge.workflows.TaskQueues;
import io.backforge.workflows.VerificationActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The {@code worker} role: polls {@link TaskQueues#GENERATION} (workflow and generation steps),
 * {@link TaskQueues#AI} (enrichment) and, only when this process has the Python toolchain and a
 * working sandbox ({@link Toolchain}, checked once at start), {@link TaskQueues#VERIFY}; a worker
 * without them never takes a verification.
 */
@Component
@ConditionalOnExpression("'${backforge.roles:web,worker}'.contains('worker')")
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerRunner.class);

  private final WorkerFactory factory;
  private final boolean verifies;
  private volatile boolean running;

  WorkerRunner(
      WorkflowClient client,
      TemporalConnection connection,
      WorkerProperties properties,
      GenerationActivities generation,
      EnrichmentActivities enrichment,
      VerificationActivities verification,
      Toolchain toolchain) {
    this.factory = WorkerFactory.newInstance(client);
    WorkerOptions.Builder options =
        WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(properties.maxConcurrentActivities())
            .setMaxConcurrentWorkflowTaskExecutionSize(properties.maxConcurrentWorkflowTasks());
    if (properties.stickyDisabled(connection)) {
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    Worker worker = factory.newWorker(TaskQueues.GENERATION, options.build());
    worker.registerWorkflowImplementationTypes(ProjectGenerationWorkflowImpl.class);
    worker.registerActivitiesImplementations(generation);
    factory.newWorker(TaskQueues.AI, options.build()).registerActivitiesImplementations(enrichment);
    this.verifies = toolchain.available();
    if (verifies) {
      factory
          .newWorker(TaskQueues.VERIFY, options.build())
          .registerActivitiesImplementations(verification);
    }
  }

  @Override
  public void start() {
    factory.start();
    running = true;
    log.info(
        "Workers polling {}, {}{}",
        TaskQueues.GENERATION,
        TaskQueues.AI,
        verifies ? " and " + TaskQueues.VERIFY : " (not " + TaskQueues.VERIFY + ": no toolchain)");
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
