package io.backforge.activities.verification;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The processes one verification started (sandboxes, the live app's sandbox, a Maven warm-up), so
 * that when the verification must stop (its activity was cancelled, its attempt timed out or is
 * gone, or the worker shuts down) all of them are killed at once, each with its descendants, and
 * nothing new starts. Shared by the threads of one verification.
 */
final class RunningProcesses {

  private final Set<Process> running = new HashSet<>();
  private boolean stopped;

  /**
   * Starts {@code builder}'s process and tracks it until {@link #finished}.
   *
   * @throws CancellationException when the verification was stopped already
   */
  Process start(ProcessBuilder builder) throws IOException {
    synchronized (running) {
      throwIfStopped();
      Process process = builder.start();
      running.add(process);
      return process;
    }
  }

  /** Stops tracking {@code process}, which has ended. */
  void finished(Process process) {
    synchronized (running) {
      running.remove(process);
    }
  }

  /** Kills every process started here and not finished, with its descendants; then refuses more. */
  void stop() {
    List<Process> processes;
    synchronized (running) {
      stopped = true;
      processes = List.copyOf(running);
    }
    for (Process process : processes) {
      // Descendants first: a parent killed first would leave them to init, out of reach.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** Whether {@link #stop} was called. */
  boolean stopped() {
    synchronized (running) {
      return stopped;
    }
  }

  /**
   * @throws CancellationException when the verification was stopped
   */
  void throwIfStopped() {
    synchronized (running) {
      if (stopped) {
        throw new CancellationException("the verification was stopped");
      }
    }
  }
}
