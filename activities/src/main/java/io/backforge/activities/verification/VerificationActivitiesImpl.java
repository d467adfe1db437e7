package io.backforge.activities.verification;

import io.backforge.activities.heartbeat.Heartbeat;
import io.backforge.activities.store.ProjectFiles;
import io.backforge.activities.store.ProjectStore;
import io.backforge.templates.spec.Stack;
import io.backforge.workflows.GenerationActivities;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationActivities;
import io.backforge.workflows.payload.VerificationInput;
import io.backforge.workflows.payload.VerificationResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Verifies generated projects with their stack pack's recipe ({@link PackChecks}: for Flask, Black,
 * pyflakes and pytest; for Spring Boot, an offline Maven build with its tests), sandboxed, on a
 * copy of the stored files.
 *
 * <p>The activity heartbeats while the checks run ({@link Heartbeat}), so a worker that dies is
 * noticed within the activity's heartbeat timeout and the verification is retried elsewhere; when
 * the heartbeat says the attempt must stop (cancelled, timed out, gone, or this worker shutting
 * down), every sandbox of the verification is killed and the activity ends with that reason.
 */
@Component
public class VerificationActivitiesImpl implements VerificationActivities {

  private final ProjectFiles files;
  private final ProjectStore projects;
  private final Toolchain toolchain;

  VerificationActivitiesImpl(ProjectFiles files, ProjectStore projects, Toolchain toolchain) {
    this.files = files;
    this.projects = projects;
    this.toolchain = toolchain;
  }

  @Override
  public VerificationResult verify(VerificationInput input) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    int attempt = context.getInfo().getAttempt();
    String stack =
        projects
            .find(UUID.fromString(input.projectId()))
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "Project " + input.projectId() + " does not exist",
                        GenerationActivities.PROJECT_NOT_FOUND))
            .stack();
    RunningProcesses running = new RunningProcesses();
    try (Heartbeat heartbeat = Heartbeat.start(context, running::stop)) {
      Verification verification;
      try {
        verification = verify(Stack.fromJson(stack), input.manifestHash(), running);
      } catch (RuntimeException e) {
        heartbeat.throwIfStopped();
        throw e;
      }
      heartbeat.throwIfStopped();
      return new VerificationResult(verification, attempt);
    }
  }

  /**
   * Verifies the files of a stored manifest, a project of {@code stack}, its processes tracked in
   * {@code running}.
   */
  Verification verify(Stack stack, String manifestHash, RunningProcesses running) {
    Optional<PackChecks> checks = stack == null ? Optional.empty() : toolchain.checks(stack);
    if (checks.isEmpty()) {
      return Verification.skipped(
          "This worker cannot verify "
              + (stack == null
                  ? "this stack"
                  : stack.json() + " projects: " + toolchain.missing(stack)));
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("backforge-verify");
      write(manifestHash, dir);
      return checks.get().check(dir, running);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private void write(String manifestHash, Path dir) throws IOException {
    for (Map.Entry<String, byte[]> file : files.load(manifestHash).files().entrySet()) {
      Path target = dir.resolve(file.getKey()).normalize();
      if (!target.startsWith(dir)) {
        throw new IllegalStateException("path outside the project: " + file.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  /** Deletes {@code dir} and everything in it, as far as it can; nothing when {@code null}. */
  static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: the temporary directory is the only thing left behind
    }
  }
}
