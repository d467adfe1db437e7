package io.backforge.activities.verification;

import io.backforge.templates.pack.VerificationRecipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a command on a generated project inside bubblewrap: no network and no other namespaces
 * shared with the host ({@code --unshare-all}), the system directories read-only, only the project
 * directory writable, a private {@code /tmp}, a clean environment, killed with the worker ({@code
 * --die-with-parent}, bwrap being the worker's child) or when its verification stops ({@link
 * RunningProcesses}); plus a wall-clock limit ({@code timeout}, inside) and an address-space limit
 * ({@code prlimit --as}).
 */
final class Sandbox {

  /** Where the project appears inside the sandbox. */
  static final String PROJECT = VerificationRecipe.PROJECT;

  /** The address-space limit of a command whose recipe gives none. */
  static final long MEMORY_BYTES = 3L * 1024 * 1024 * 1024;

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

  /**
   * How a command runs, beyond the project directory.
   *
   * @param memoryBytes its address-space limit
   * @param readOnly host directories shown read-only at the same path inside the sandbox (a warmed
   *     Maven repository, say)
   * @param environment variables besides {@code PATH}, {@code HOME} and {@code LANG}
   */
  record Options(long memoryBytes, List<String> readOnly, Map<String, String> environment) {

    /** {@link #MEMORY_BYTES}, nothing shown read-only, no variables. */
    static final Options DEFAULT = new Options(MEMORY_BYTES, List.of(), Map.of());
  }

  private Sandbox() {}

  static List<String> command(Path project, Duration limit, String... command) {
    return command(project, limit, Options.DEFAULT, command);
  }

  static List<String> command(Path project, Duration limit, Options options, String... command) {
    List<String> out = new ArrayList<>();
    // bwrap is the worker's own child, so that --die-with-parent ties the sandbox to the worker:
    // with timeout in between, a worker killed with SIGKILL left its sandboxes running.
    out.addAll(
        List.of(
            "/usr/bin/prlimit",
            "--as=" + options.memoryBytes(),
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
            "--ro-bind", "/etc", "/etc", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    for (String dir : options.readOnly()) {
      out.addAll(List.of("--ro-bind", dir, dir));
    }
    out.addAll(
        List.of(
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
            "C.UTF-8"));
    new TreeMap<>(options.environment())
        .forEach((name, value) -> out.addAll(List.of("--setenv", name, value)));
    out.addAll(List.of("--", "/usr/bin/timeout", "--kill-after=5", limit.toSeconds() + "s"));
    out.addAll(List.of(command));
    return out;
  }

  static Result run(Path project, Duration limit, RunningProcesses running, String... command) {
    return run(project, limit, Options.DEFAULT, running, command);
  }

  static Result run(
      Path project, Duration limit, Options options, RunningProcesses running, String... command) {
    return Processes.run(command(project, limit, options, command), limit.plusSeconds(30), running);
  }

  /**
   * Whether the sandbox starts here and {@code command} succeeds in it, in an empty directory:
   * empty when it does, otherwise {@code failure} with the end of the output.
   */
  static String probe(Options options, String failure, String... command) {
    for (String tool : List.of("/usr/bin/bwrap", "/usr/bin/timeout", "/usr/bin/prlimit")) {
      if (!Files.isExecutable(Path.of(tool))) {
        return "not installed: " + tool;
      }
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("backforge-toolchain");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Result result = run(dir, Duration.ofSeconds(60), options, new RunningProcesses(), command);
      if (result.exitCode() != 0) {
        String output = result.output().strip();
        return failure + ": " + output.substring(Math.max(0, output.length() - 300));
      }
      return "";
    } catch (RuntimeException e) {
      return "the sandbox cannot start: " + e.getMessage();
    } finally {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException ignored) {
        // a leftover empty temp directory is harmless
      }
    }
  }
}
