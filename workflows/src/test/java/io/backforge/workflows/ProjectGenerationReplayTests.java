package io.backforge.workflows;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories against today's workflow code: a change to the order of commands that
 * is not behind {@code Workflow.getVersion} would break running workflows, and fails here.
 * Re-record with {@code mvn -pl workflows test -Dbackforge.record-histories=<dir>} only for a
 * deliberate, versioned change.
 */
class ProjectGenerationReplayTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "happy-path",
        "retried-scaffold",
        "cancelled",
        "verified",
        "local-steps-happy-path",
        "local-steps-retried-scaffold",
        "local-steps-cancelled",
        "local-steps-verified"
      })
  void recordedHistoryReplaysWithoutNondeterminism(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(name), ProjectGenerationWorkflowImpl.class);
  }

  private static String history(String name) throws IOException {
    try (InputStream in =
        ProjectGenerationReplayTests.class.getResourceAsStream("/histories/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
