package io.backforge.activities.worker;

import io.backforge.activities.ai.AiProperties;
import io.backforge.activities.store.ProjectStore;
import io.backforge.activities.verification.Toolchain;
import io.backforge.workflows.DraftActivities;
import io.backforge.workflows.EnrichmentActivities;
import io.backforge.workflows.GenerationActivities;
import io.backforge.workflows.ProjectGenerationWorkflowImpl;
import io.backforge.workflows.SpecDraftWorkflowImpl;
import io.backforge.workflows.TaskQueues;
import io.backforge.workflows.VerificationActivities;
import io.backforge.workflows.git.GitActivities;
import io.backforge.workflows.git.GitPushWorkflowImpl;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.ListNamespacesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
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
 * The {@code worker} role: polls {@link TaskQueues#GENERATION} (the generation, draft and git push
 * workflows, generation steps and git pushes), {@link TaskQueues#AI} (enrichment and drafts) and,
 * only when this process can verify some stack's projects in a working sandbox ({@link Toolchain},
 * probed once the other workers have started), {@link TaskQueues#VERIFY}; a worker without them
 * never takes a verification. A stopped runner can be started again: each start builds fresh
 * workers.
 */
@Component
@ConditionalOnExpression("'${backforge.roles:web,worker}'.contains('worker')")
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerRunner.class);

  /**
   * The most time between two heartbeats an activity sends; the SDK's default, 80 % of the
   * heartbeat timeout, would leave a busy machine 2 s of the workflow's 10 s.
   */
  static final Duration HEARTBEAT_THROTTLE = Duration.ofSeconds(3);

  private final WorkflowClient client;
  private final TemporalConnection connection;
  private final WorkerProperties properties;
  private final GenerationActivities generation;
  private final EnrichmentActivities enrichment;
  private final DraftActivities drafts;
  private final AiProperties ai;
  private final ProjectStore projects;
  private final VerificationActivities verification;
  private final Toolchain toolchain;
  private final GitActivities git;
  private volatile WorkerFactory factory;
  private WorkerFactory verifier;

  WorkerRunner(
      WorkflowClient client,
      TemporalConnection connection,
      WorkerProperties properties,
      AiProperties ai,
      GenerationActivities generation,
      EnrichmentActivities enrichment,
      DraftActivities drafts,
      ProjectStore projects,
      VerificationActivities verification,
      Toolchain toolchain,
      GitActivities git) {
    this.client = client;
    this.git = git;
    this.verification = verification;
    this.toolchain = toolchain;
    this.connection = connection;
    this.properties = properties;
    this.generation = generation;
    this.enrichment = enrichment;
    this.drafts = drafts;
    this.ai = ai;
    this.projects = projects;
  }

  @Override
  public synchronized void start() {
    connection.awaitReady();
    WorkerFactory workers =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new StepRecordingInterceptor(projects))
                .build());
    WorkerOptions options = workerOptions();
    Worker worker = workers.newWorker(TaskQueues.GENERATION, options);
    worker.registerWorkflowImplementationTypes(
        ProjectGenerationWorkflowImpl.class,
        SpecDraftWorkflowImpl.class,
        GitPushWorkflowImpl.class);
    worker.registerActivitiesImplementations(generation, git);
    workers
        .newWorker(TaskQueues.AI, aiOptions(options, ai))
        .registerActivitiesImplementations(enrichment, drafts);
    workers.start();
    factory = workers;
    log.info(
        "Workers polling {} and {}{}",
        TaskQueues.GENERATION,
        TaskQueues.AI,
        options.getStickyQueueScheduleToStartTimeout() != null
                && options.getStickyQueueScheduleToStartTimeout().isZero()
            ? " (sticky execution off: Temporal test server)"
            : "");
    toolchain.whenProbed().thenAccept(verifies -> startVerifier(workers, options, verifies));
  }

  /**
   * Polls {@link TaskQueues#VERIFY} with a factory of its own once the toolchain probes have found
   * a stack to verify: they run after the other workers have started, so they never delay the
   * start-up, and verifications wait in their queue meanwhile.
   */
  private synchronized void startVerifier(
      WorkerFactory workers, WorkerOptions options, boolean verifies) {
    if (factory != workers) {
      return;
    }
    if (!verifies) {
      log.info("Not polling {}: no toolchain to verify with", TaskQueues.VERIFY);
      return;
    }
    WorkerFactory verifying =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new StepRecordingInterceptor(projects))
                .build());
    verifying.newWorker(TaskQueues.VERIFY, options).registerActivitiesImplementations(verification);
    verifying.start();
    verifier = verifying;
    log.info("Workers polling {}", TaskQueues.VERIFY);
  }

  private WorkerOptions workerOptions() {
    WorkerOptions.Builder options =
        WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(properties.maxConcurrentActivities())
            .setMaxConcurrentWorkflowTaskExecutionSize(properties.maxConcurrentWorkflowTasks())
            .setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE);
    if (properties.stickyDisabled(connection.embedded() || isTestServer())) {
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    return options.build();
  }

  /**
   * Whether the server is Temporal's in-memory test server, started by another process of ours:
   * unlike a real server, it does not implement {@code ListNamespaces}.
   */
  private boolean isTestServer() {
    try {
      client
          .getWorkflowServiceStubs()
          .blockingStub()
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .listNamespaces(ListNamespacesRequest.newBuilder().setPageSize(1).build());
      return false;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
    }
  }

  /**
   * The AI worker's options: {@code base} with the model's rate limits, so that retries and many
   * projects at once never call the model faster than configured.
   */
  static WorkerOptions aiOptions(WorkerOptions base, AiProperties ai) {
    WorkerOptions.Builder options =
        WorkerOptions.newBuilder(base)
            .setMaxConcurrentActivityExecutionSize(Math.max(1, ai.maxConcurrent()));
    if (ai.requestsPerSecond() > 0) {
      options.setMaxTaskQueueActivitiesPerSecond(ai.requestsPerSecond());
    }
    if (ai.workerRequestsPerSecond() > 0) {
      options.setMaxWorkerActivitiesPerSecond(ai.workerRequestsPerSecond());
    }
    return options.build();
  }

  @Override
  public synchronized void stop() {
    WorkerFactory workers = factory;
    WorkerFactory verifying = verifier;
    factory = null;
    verifier = null;
    for (WorkerFactory running : new WorkerFactory[] {verifying, workers}) {
      if (running != null) {
        running.shutdown();
      }
    }
    for (WorkerFactory running : new WorkerFactory[] {verifying, workers}) {
      if (running != null) {
        running.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public boolean isRunning() {
    return factory != null;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
