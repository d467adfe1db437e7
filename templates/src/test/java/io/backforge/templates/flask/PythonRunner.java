package io.backforge.templates.flask;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Test support: loads specs, writes generated projects to disk and runs Debian's Python there. */
final class PythonRunner {

  static final String PYTHON = "/usr/bin/python3";

  /**
   * The outcome of a process.
   *
   * @param exitCode the exit code, -1 on timeout
   * @param output stdout and stderr together
   */
  record Result(int exitCode, String output) {}

  private PythonRunner() {}

  static ProjectSpec spec(String resource) {
    try (InputStream in = PythonRunner.class.getResourceAsStream("/specs/" + resource)) {
      return spec(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ProjectSpec spec(byte[] json) {
    ValidationResult result = new SpecValidator().validate(json);
    if (!result.valid()) {
      throw new IllegalArgumentException("invalid spec: " + result.errors());
    }
    return result.spec();
  }

  static ProjectSpec spec(String resource, Map<String, String> replacements) {
    String json;
    try (InputStream in = PythonRunner.class.getResourceAsStream("/specs/" + resource)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> entry : replacements.entrySet()) {
      json = json.replace(entry.getKey(), entry.getValue());
    }
    return spec(json.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(GeneratedProject project, Path dir) {
    try {
      for (Map.Entry<String, byte[]> file : project.files().entrySet()) {
        Path target = dir.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Result run(Path dir, long timeoutSeconds, String... args) {
    return run(dir, timeoutSeconds, Map.of(), args);
  }

  /** Runs Python in {@code dir} with {@code env} added to the inherited environment. */
  static Result run(Path dir, long timeoutSeconds, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(PYTHON);
    command.addAll(List.of(args));
    return execute(dir, timeoutSeconds, command, env);
  }

  /** Runs a program other than Python (black, pyflakes3) in {@code dir}. */
  static Result command(Path dir, long timeoutSeconds, String... command) {
    return execute(dir, timeoutSeconds, List.of(command), Map.of());
  }

  private static Result execute(
      Path dir, long timeoutSeconds, List<String> command, Map<String, String> env) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.PIPE);
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      Path log = Files.createTempFile("python", ".log");
      Thread drain =
          new Thread(
              () -> {
                try (InputStream in = process.getInputStream()) {
                  Files.write(log, in.readAllBytes());
                } catch (IOException ignored) {
                  // the process died; whatever was read is in the log
                }
              });
      drain.start();
      boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      drain.join(5_000);
      String output = Files.readString(log);
      Files.deleteIfExists(log);
      return new Result(finished ? process.exitValue() : -1, output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result pytest(Path dir) {
    return run(dir, 120, "-m", "pytest", "-q", "-p", "no:cacheprovider");
  }
}
