package io.backforge.activities.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end with a time limit, keeping at most 1 MiB of its output; a verification
 * that stops ({@link RunningProcesses#stop}) kills it on the way.
 */
final class Processes {

  private static final int MAX_OUTPUT = 1024 * 1024;

  private Processes() {}

  static Sandbox.Result run(List<String> command, Duration limit, RunningProcesses running) {
    return run(command, limit, null, running);
  }

  /** Runs {@code command} in {@code directory} (the current one when {@code null}). */
  static Sandbox.Result run(
      List<String> command, Duration limit, Path directory, RunningProcesses running) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      Process process = running.start(builder);
      try {
        byte[] output;
        try (InputStream in = process.getInputStream()) {
          output = in.readNBytes(MAX_OUTPUT);
          in.transferTo(OutputStream.nullOutputStream());
        }
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return new Sandbox.Result(-1, new String(output, StandardCharsets.UTF_8), true);
        }
        running.throwIfStopped();
        int exit = process.exitValue();
        return new Sandbox.Result(
            exit, new String(output, StandardCharsets.UTF_8), exit == 124 || exit == 137);
      } finally {
        running.finished(process);
      }
    } catch (IOException e) {
      // killing a process closes its streams under the reader
      running.throwIfStopped();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying", e);
    }
  }
}
