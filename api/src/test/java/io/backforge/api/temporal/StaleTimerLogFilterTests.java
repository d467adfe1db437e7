package io.backforge.api.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Temporal's test server logs its own stale schedule-to-start timer as an error when an activity's
 * first attempt runs past that timeout; the filter turns exactly that into a debug line.
 */
class StaleTimerLogFilterTests {

  @Test
  void anActivityRunningPastItsScheduleToStartTimeoutLeavesNoErrorInTheLog() throws Exception {
    StaleTimerLogFilter.install();
    Logger server = (Logger) LoggerFactory.getLogger(StaleTimerLogFilter.TEST_SERVER_LOGGER);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    server.addAppender(events);
    long before = StaleTimerLogFilter.suppressed();
    try (TestServer.InProcessTestServer temporal = TestServer.createServer(true)) {
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setChannel(temporal.getChannel()).build());
      WorkflowClient client = WorkflowClient.newInstance(stubs);
      WorkerFactory workers = WorkerFactory.newInstance(client);
      Worker worker = workers.newWorker("stale-timer");
      worker.registerWorkflowImplementationTypes(OneSlowStepImpl.class);
      worker.registerActivitiesImplementations(new SlowStepImpl());
      workers.start();
      try {
        String result =
            client
                .newWorkflowStub(
                    OneSlowStep.class,
                    WorkflowOptions.newBuilder().setTaskQueue("stale-timer").build())
                .run();

        assertThat(result).isEqualTo("done");
      } finally {
        workers.shutdownNow();
        stubs.shutdownNow();
      }
    } finally {
      server.detachAppender(events);
    }

    assertThat(StaleTimerLogFilter.suppressed()).isEqualTo(before + 1);
    assertThat(events.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
  }

  /** A workflow of one activity that runs past its schedule-to-start timeout. */
  @WorkflowInterface
  public interface OneSlowStep {
    @WorkflowMethod
    String run();
  }

  /** The activity. */
  @ActivityInterface
  public interface SlowStep {
    String work();
  }

  /** Schedules the activity with a 1 s schedule-to-start timeout. */
  public static class OneSlowStepImpl implements OneSlowStep {
    private final SlowStep step =
        Workflow.newActivityStub(
            SlowStep.class,
            ActivityOptions.newBuilder()
                .setScheduleToStartTimeout(Duration.ofSeconds(1))
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .build());

    @Override
    public String run() {
      return step.work();
    }
  }

  /** Takes 2.5 s, so the schedule-to-start timer fires while it runs. */
  static class SlowStepImpl implements SlowStep {
    @Override
    public String work() {
      try {
        Thread.sleep(2500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    }
  }
}
