package io.backforge.templates.nestjs;

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

/**
 * Test support: loads specs as NestJS specs, writes generated projects to disk and runs Node 20 and
 * npm there. npm reads the registry through a cache under {@code ~/.cache/backforge/npm}, so that
 * only the first run downloads.
 */
final class NodeRunner {

  static final String NODE = "/usr/bin/node";
  static final String NPM = "/usr/bin/npm";
  static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "backforge", "npm");

  /**
   * The outcome of a process.
   *
   * @param exitCode the exit code, -1 on timeout
   * @param output stdout and stderr together
   */
  record Result(int exitCode, String output) {}

  private NodeRunner() {}

  /** The spec of {@code src/test/resources/specs/<resource>}, for the NestJS stack. */
  static ProjectSpec spec(String resource) {
    return spec(resource, Map.of());
  }

  /** The same, with each key of {@code replacements} in its text replaced by its value. */
  static ProjectSpec spec(String resource, Map<String, String> replacements) {
    String path = resource.startsWith("/") ? resource : "/specs/" + resource;
    try (InputStream in = NodeRunner.class.getResourceAsStream(path)) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> e : replacements.entrySet()) {
        if (!json.contains(e.getKey())) {
          throw new IllegalArgumentException(resource + " has no " + e.getKey());
        }
        json = json.replace(e.getKey(), e.getValue());
      }
      return specOf(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code json} validated (with the stack the platform knows it by, whatever it names) and
   * retargeted at NestJS.
   */
  static ProjectSpec specOf(String json) {
    ValidationResult result = new SpecValidator().validate(json.getBytes(StandardCharsets.UTF_8));
    if (!result.valid()) {
      throw new IllegalArgumentException("invalid spec: " + result.errors());
    }
    ProjectSpec spec = result.spec();
    return new ProjectSpec(
        spec.name(),
        spec.description(),
        NestJsPack.STACK,
        spec.database(),
        spec.entities(),
        spec.features(),
        spec.ai(),
        spec.verify());
  }

  static void write(GeneratedProject project, Path dir) {
    try {
      project.writeTo(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code npm ci} from the shared cache (online when it lacks a package). */
  static Result install(Path dir) {
    return run(
        dir,
        300,
        NPM,
        "ci",
        "--cache",
        CACHE.toString(),
        "--prefer-offline",
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        "--no-update-notifier");
  }

  /** Runs {@code command} in {@code dir} with Node's WebAssembly trap handler off. */
  static Result run(Path dir, int timeoutSeconds, String... command) {
    return run(dir, timeoutSeconds, Map.of(), command);
  }

  /** The same, with {@code environment} added. */
  static Result run(
      Path dir, int timeoutSeconds, Map<String, String> environment, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    ProcessBuilder builder =
        new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().put("NODE_OPTIONS", "--disable-wasm-trap-handler");
    builder.environment().putAll(environment);
    builder.environment().remove("NODE_ENV");
    try {
      Path log = Files.createTempFile("node-run", ".log");
      try {
        Process process = builder.redirectOutput(log.toFile()).start();
        boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          process.waitFor();
        }
        return new Result(done ? process.exitValue() : -1, Files.readString(log));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
