package io.backforge.activities.verification;

import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The live contract check of verification, after a project's own tests passed: starts the app in
 * the sandbox on a throw-away database ({@link LiveApp}), exercises every operation of the
 * project's own OpenAPI document and validates each request and response against it ({@link
 * ContractProbe}). The project's spec is its {@code backforge.json}.
 */
final class ContractCheck {

  /** The time limit of the requests and shut-down, after the app's start-up. */
  static final Duration LIMIT = Duration.ofMinutes(2);

  private static final int APP_OUTPUT = 1500;

  /** How many violations the reason names; the rest are counted. */
  static final int NAMED = 3;

  /**
   * How to start one stack's app.
   *
   * @param options the sandbox's options (read-only binds, environment)
   * @param command the words of the app's command in {@link Sandbox#PROJECT}; it listens on {@link
   *     LiveApp#PORT}
   * @param documentFile the document shipped in the project, relative to it
   * @param startup how long the app may take to accept connections
   */
  record Launch(
      Sandbox.Options options, List<String> command, String documentFile, Duration startup) {}

  /**
   * A launch, or why there is none.
   *
   * @param launch the launch, or {@code null}
   * @param missing why there is none, for people
   */
  record Launched(Launch launch, String missing) {}

  /**
   * What the check found.
   *
   * @param failed whether it fails the verification
   * @param summary the part of the verification's reason, for people
   * @param checked responses validated against the document
   * @param violations violations found
   * @param log what to append to the verification's log
   * @param millis how long it took
   */
  record Result(
      boolean failed, String summary, int checked, int violations, String log, long millis) {}

  private ContractCheck() {}

  /**
   * Runs the check on the built project in {@code dir}; its sandbox is tracked in {@code running}.
   */
  static Result run(Path dir, Launch launch, RunningProcesses running) {
    long started = System.nanoTime();
    ProjectSpec spec = spec(dir);
    if (spec == null) {
      return new Result(
          true, "the contract check could not read backforge.json", 0, 0, "", millis(started));
    }
    if (!spec.features().openapi()) {
      return new Result(
          false,
          "no OpenAPI document to check against (features.openapi is off)",
          0,
          0,
          "",
          millis(started));
    }
    Path file = dir.resolve(launch.documentFile());
    if (!Files.isRegularFile(file)) {
      return new Result(
          true,
          "the project ships no OpenAPI document at " + launch.documentFile(),
          0,
          0,
          "",
          millis(started));
    }
    StringBuilder log =
        new StringBuilder("\n$ contract check (the app against its OpenAPI document)\n");
    CompletableFuture<ContractProbe> shipped =
        CompletableFuture.supplyAsync(() -> probe(spec, read(file)));
    LiveApp app;
    try {
      app =
          LiveApp.start(
              dir,
              launch.options(),
              launch.startup().plus(LIMIT),
              launch.startup(),
              launch.command(),
              running);
    } catch (LiveApp.NotStarted e) {
      String out = appOutput(e.log()) + log + e.getMessage() + "\n";
      return new Result(true, e.getMessage(), 0, 0, out, millis(started));
    }
    log.append("the app accepted connections after ").append(millis(started)).append(" ms\n");
    try (app) {
      ContractProbe probe = shipped.join();
      log.append("the validator had read the document after ")
          .append(millis(started))
          .append(" ms\n");
      long probing = System.nanoTime();
      ContractProbe.Outcome outcome = probe.run(app::send);
      log.append("the exchanges took ")
          .append(millis(probing))
          .append(" ms, validating them ")
          .append(probe.validationMillis())
          .append(" ms\n");
      for (ContractProbe.Violation violation : outcome.violations()) {
        log.append("violation: ").append(violation).append('\n');
      }
      if (outcome.unexercised().isEmpty()) {
        log.append("every documented operation exercised (")
            .append(outcome.documented())
            .append(" of ")
            .append(outcome.documented())
            .append(")\n");
      } else {
        log.append("not exercised: ").append(String.join(", ", outcome.unexercised())).append('\n');
      }
      return finish(
          !outcome.violations().isEmpty(),
          summary(outcome),
          outcome.checked(),
          outcome.violations().size(),
          log,
          app,
          started);
    } catch (IOException | RuntimeException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      return finish(
          true, "the contract check broke off: " + cause.getMessage(), 0, 0, log, app, started);
    }
  }

  /** The end of the app's output, before the check's own lines so that a log tail keeps both. */
  private static String appOutput(String output) {
    String end =
        output.length() > APP_OUTPUT ? output.substring(output.length() - APP_OUTPUT) : output;
    return "\n$ the app's output (its end)\n" + end + (end.endsWith("\n") ? "" : "\n");
  }

  private static ContractProbe probe(ProjectSpec spec, String document) {
    try {
      return new ContractProbe(spec, document);
    } catch (IOException e) {
      throw new UncheckedIOException("the OpenAPI document is not JSON: " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result finish(
      boolean failed,
      String summary,
      int checked,
      int violations,
      StringBuilder log,
      LiveApp app,
      long started) {
    app.close();
    long millis = millis(started);
    log.append("contract check: ").append(summary).append(" (").append(millis).append(" ms)\n");
    String out = failed ? appOutput(app.log()) + log : log.toString();
    return new Result(failed, summary, checked, violations, out, millis);
  }

  static String summary(ContractProbe.Outcome outcome) {
    int count = outcome.violations().size();
    StringBuilder out =
        new StringBuilder()
            .append(outcome.checked())
            .append(outcome.checked() == 1 ? " response" : " responses")
            .append(" checked against the OpenAPI document, ")
            .append(count)
            .append(count == 1 ? " violation" : " violations");
    if (count > 0) {
      List<ContractProbe.Violation> named = outcome.violations().subList(0, Math.min(NAMED, count));
      out.append(": ");
      out.append(String.join("; ", named.stream().map(Object::toString).toList()));
      if (count > NAMED) {
        out.append("; and ").append(count - NAMED).append(" more");
      }
    }
    if (!outcome.unexercised().isEmpty()) {
      int n = outcome.unexercised().size();
      out.append("; ")
          .append(n)
          .append(n == 1 ? " operation" : " operations")
          .append(" not exercised: ")
          .append(String.join(", ", outcome.unexercised()));
    }
    return out.toString();
  }

  private static ProjectSpec spec(Path dir) {
    try {
      ValidationResult result =
          new SpecValidator().validate(Files.readAllBytes(dir.resolve("backforge.json")));
      return result.valid() ? result.spec() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static long millis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
