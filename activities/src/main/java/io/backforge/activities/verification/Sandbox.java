package io.backforge.activities.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command on a generated project inside bubblewrap: no network and no other namespaces
 * shared with the host ({@code --unshare-all}), the system directories read-only, only the project
 * directory writable, a private {@code /tmp}, a clean environment, killed with the worker ({@code
 * --die-with-parent}); plus a wall-clock limit ({@code timeout}) and an address-space limit ({@code
 * prlimit --as}).
 */
final class Sandbox {

  /** Where the project appears inside the sandbox. */
  static final String PROJECT = "/project";

  private static final long MEMORY_BYTES = 3L * 1024 * 1024 * 1024;
  private static final long FILE_BYTES = 512L * 1024 * 1024;
  private static final int MAX_OUTPUT = 1024 * 1024;

  /**
   * What a sandboxed command did.
   *
   * @param exitCode its exit code; 124 or 137 when {@code timeout} stopped it
   * @param output stdout and stderr together, at most 1 MiB
   * @param timedOut whether the time limit stopped it
   */
  record Result(int exitCode, String output, boolean timedOut) {}

  private Sandbox() {}

  static List<String> command(Path project, Duration limit, String... command) {
    List<String> out = new ArrayList<>();
    out.addAll(
        List.of(
            "/usr/bin/timeout",
            "--kill-after=5",
            limit.toSeconds() + "s",
            "/usr/bin/prlimit",
            "--as=" + MEMORY_BYTES,
            "--fsize=" + FILE_BYTES,
            "--",
            "/usr/bin/bwrap",
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--ro-bind",
            "/usr",
            "/usr"));
    for (String top : List.of("/bin", "/sbin", "/lib", "/lib64", "/lib32")) {
      Path path = Path.of(top);
      try {
        if (Files.isSymbolicLink(path)) {
          out.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), top));
        } else if (Files.isDirectory(path)) {
          out.addAll(List.of("--ro-bind", top, top));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.addAll(
        List.of(
            "--ro-bind",
            "/etc",
            "/etc",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--tmpfs",
            "/tmp",
            "--bind",
            project.toAbsolutePath().toString(),
            PROJECT,
            "--chdir",
            PROJECT,
            "--clearenv",
            "--setenv",
            "PATH",
            "/usr/bin:/bin",
            "--setenv",
            "HOME",
            "/tmp",
            "--setenv",
            "LANG",
            "C.UTF-8",
            "--setenv",
            "PYTHONDONTWRITEBYTECODE",
            "1",
            "--"));
    out.addAll(List.of(command));
    return out;
  }

  static Result run(Path project, Duration limit, String... command) {
    try {
      Process process =
          new ProcessBuilder(command(project, limit, command))
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      byte[] output;
      try (InputStream in = process.getInputStream()) {
        output = in.readNBytes(MAX_OUTPUT);
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      if (!process.waitFor(limit.toSeconds() + 30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, new String(output, StandardCharsets.UTF_8), true);
      }
      int exit = process.exitValue();
      return new Result(
          exit, new String(output, StandardCharsets.UTF_8), exit == 124 || exit == 137);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying", e);
    }
  }
}
