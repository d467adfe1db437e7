package io.backforge.activities.verification;

import io.backforge.templates.flask.FlaskPack;
import io.backforge.templates.spec.Stack;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Proves a generated Flask project: {@code black --check}, {@code pyflakes3} and its own pytest
 * suite, each in the sandbox, with Debian's Python and the packages the projects import. Each
 * step's time limit grows with the project (Python files for the linters, tests for pytest) within
 * the verification's overall limit ({@link VerificationLimits}).
 */
@Component
class PythonChecks implements ProjectChecks {

  static final String PYTHON = "/usr/bin/python3";
  private static final String MODULES =
      "import flask, flask_sqlalchemy, flask_migrate, flask_jwt_extended, marshmallow, dotenv,"
          + " pytest";
  private static final Pattern PASSED = Pattern.compile("(\\d+) passed");
  private static final Pattern FAILED = Pattern.compile("(\\d+) failed");
  private static final Pattern ERRORS = Pattern.compile("(\\d+) errors?\\b");
  private static final int PYTEST_NO_TESTS = 5;

  private static final ExecutorService BESIDE_THE_TESTS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "verify-beside-tests");
            thread.setDaemon(true);
            return thread;
          });
  private static final Pattern TEST_CASE =
      Pattern.compile("^(def test_|[ \\t]+pytest\\.param\\()", Pattern.MULTILINE);

  private static final Duration BLACK_FLOOR = Duration.ofMinutes(2);
  private static final Duration BLACK_PER_FILE = Duration.ofMillis(250);
  private static final Duration PYFLAKES_FLOOR = Duration.ofMinutes(1);
  private static final Duration PYFLAKES_PER_FILE = Duration.ofMillis(100);

  private static final Duration PYTEST_FLOOR = Duration.ofMinutes(2);

  /**
   * A generated test costs about 20 ms of CPU once the application is shared; the allowance is five
   * times that, for a busy machine.
   */
  private static final Duration PYTEST_PER_TEST = Duration.ofMillis(100);

  /**
   * The app for the contract check: migrated (as {@code flask db upgrade} would) on a throw-away
   * SQLite file in the sandbox's private {@code /tmp}, then served by Werkzeug on one thread.
   */
  static final ContractCheck.Launch CONTRACT =
      new ContractCheck.Launch(
          new Sandbox.Options(
              Sandbox.MEMORY_BYTES,
              List.of(),
              Map.of(
                  "PYTHONDONTWRITEBYTECODE", "1",
                  "DATABASE_URL", "sqlite:////tmp/contract-check.db",
                  "JWT_SECRET_KEY", "contract-check-secret-key-0123456789abcdef-0123456789",
                  "PASSWORD_HASH_METHOD", "pbkdf2:sha256:1000")),
          List.of(
              PYTHON,
              "-c",
              String.join(
                  "\n",
                  "import flask_migrate",
                  "from app import create_app",
                  "app = create_app()",
                  "with app.app_context():",
                  "    flask_migrate.upgrade()",
                  "app.run(host='127.0.0.1', port="
                      + LiveApp.PORT
                      + ", threaded=False,"
                      + " use_reloader=False)")),
          "app/openapi.json",
          Duration.ofSeconds(30));

  @Override
  public Stack stack() {
    return FlaskPack.STACK;
  }

  @Override
  public Verification check(Path dir, RunningProcesses running) {
    return run(dir, running);
  }

  @Override
  public String probe() {
    List<String> absent = new ArrayList<>();
    for (String tool : List.of(PYTHON, "/usr/bin/black", "/usr/bin/pyflakes3")) {
      if (!Files.isExecutable(Path.of(tool))) {
        absent.add(tool);
      }
    }
    if (!absent.isEmpty()) {
      return "not installed: " + String.join(", ", absent);
    }
    return Sandbox.probe(
        Sandbox.Options.PYTHON,
        "the sandbox or the Python packages do not work here",
        PYTHON,
        "-c",
        MODULES);
  }

  private static Verification run(Path dir, RunningProcesses running) {
    long started = System.nanoTime();
    VerificationLimits limits = VerificationLimits.start();
    long pythonFiles = VerificationLimits.countFiles(dir, p -> p.toString().endsWith(".py"));
    VerificationLimits.Limit blackLimit =
        limits.limit("black", BLACK_FLOOR, BLACK_PER_FILE, pythonFiles, "Python files");
    VerificationLimits.Limit pyflakesLimit =
        limits.limit("pyflakes", PYFLAKES_FLOOR, PYFLAKES_PER_FILE, pythonFiles, "Python files");
    VerificationLimits.Limit pytestLimit =
        limits.limit("pytest", PYTEST_FLOOR, PYTEST_PER_TEST, estimatedTests(dir), "tests");
    // The linters and the contract check (its app on a database in the sandbox's /tmp) only read
    // the project, so they run beside the tests, on the other core, one after the other.
    CompletableFuture<Step> black =
        CompletableFuture.supplyAsync(
            () ->
                Step.run(
                    dir, blackLimit, running, "/usr/bin/black", "--check", "--workers", "1", "."),
            BESIDE_THE_TESTS);
    CompletableFuture<Step> pyflakes =
        black.thenApplyAsync(
            done -> Step.run(dir, pyflakesLimit, running, "/usr/bin/pyflakes3", "."),
            BESIDE_THE_TESTS);
    CompletableFuture<ContractCheck.Result> contract =
        pyflakes.thenApplyAsync(
            done -> ContractCheck.run(dir, CONTRACT, running), BESIDE_THE_TESTS);
    Step pytest =
        Step.run(dir, pytestLimit, running, PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider");
    return report(started, black.join(), pyflakes.join(), pytest, contract.join());
  }

  /** A sandboxed command's result and the time limit it ran under. */
  private record Step(Sandbox.Result result, VerificationLimits.Limit limit) {

    static Step run(
        Path dir, VerificationLimits.Limit limit, RunningProcesses running, String... command) {
      return new Step(Sandbox.run(dir, limit.duration(), running, command), limit);
    }

    String output() {
      return result.output();
    }
  }

  private static Verification report(
      long started, Step black, Step pyflakes, Step pytest, ContractCheck.Result contract) {
    long millis = (System.nanoTime() - started) / 1_000_000;
    int reformat =
        count(black.output(), "would reformat ") + count(black.output(), "error: cannot format");
    int flakes =
        pyflakes.result().exitCode() == 0
            ? 0
            : (int) pyflakes.output().lines().filter(l -> !l.isBlank()).count();
    int lint = reformat + flakes;
    String summary = summaryLine(pytest.output());
    int passed = number(PASSED, summary);
    int failed = number(FAILED, summary) + number(ERRORS, summary);
    List<String> problems = new ArrayList<>();
    if (black.result().exitCode() != 0 && reformat == 0) {
      problems.add(black.result().timedOut() ? black.limit().exceeded() : "black did not finish");
    }
    if (pyflakes.result().timedOut()) {
      problems.add(pyflakes.limit().exceeded());
    }
    if (lint > 0) {
      problems.add(lint + (lint == 1 ? " lint finding" : " lint findings"));
    }
    boolean noTests = pytest.result().exitCode() == PYTEST_NO_TESTS;
    if (pytest.result().timedOut()) {
      problems.add(pytest.limit().exceeded());
    } else if (pytest.result().exitCode() != 0 && !noTests) {
      problems.add(
          failed > 0
              ? failed + (failed == 1 ? " test failed" : " tests failed")
              : "pytest exited with " + pytest.result().exitCode());
    }
    if (contract.failed()) {
      problems.add(contract.summary());
    }
    String tests = "\n$ python3 -m pytest -q\n" + pytest.output();
    // The log keeps its end: what failed goes last.
    boolean testsPassed = pytest.result().exitCode() == 0 || noTests;
    String log =
        "$ black --check .\n"
            + black.output()
            + "\n$ pyflakes3 .\n"
            + pyflakes.output()
            + (testsPassed ? tests + contract.log() : contract.log() + tests);
    String tail = ProjectChecks.tail(log);
    if (!problems.isEmpty()) {
      return new Verification(
          VerificationState.FAILED,
          String.join(", ", problems),
          passed,
          failed,
          lint,
          tail,
          millis);
    }
    String reason =
        noTests
            ? "Black and pyflakes clean; the project has no tests"
            : passed
                + (passed == 1 ? " test passed" : " tests passed")
                + "; Black and pyflakes clean";
    reason += "; " + contract.summary();
    return new Verification(VerificationState.PASSED, reason, passed, 0, 0, tail, millis);
  }

  /**
   * About how many tests the suite has, without running Python: the test functions plus the cases
   * of parametrized ones ({@code pytest.param(...)} lines) in {@code tests/}. A parameter list
   * shared by two tests counts once, so this is a lower bound (about 80 % of the collected count
   * for the generated suites).
   */
  static long estimatedTests(Path dir) {
    Path tests = dir.resolve("tests");
    if (!Files.isDirectory(tests)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(tests)) {
      long count = 0;
      for (Path file :
          files.filter(p -> p.getFileName().toString().matches("test_.*\\.py")).toList()) {
        count += TEST_CASE.matcher(Files.readString(file)).results().count();
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String summaryLine(String output) {
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static int number(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  private static int count(String text, String marker) {
    return (int) text.lines().filter(l -> l.startsWith(marker)).count();
  }
}
