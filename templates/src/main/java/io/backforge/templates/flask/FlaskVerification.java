package io.backforge.templates.flask;

import io.backforge.templates.pack.VerificationRecipe;
import io.backforge.templates.pack.VerificationRecipe.Budget;
import io.backforge.templates.pack.VerificationRecipe.Check;
import io.backforge.templates.pack.VerificationRecipe.ContractLaunch;
import io.backforge.templates.pack.VerificationRecipe.Launch;
import io.backforge.templates.pack.VerificationRecipe.Outcome;
import io.backforge.templates.pack.VerificationRecipe.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How a generated Flask project is proved: {@code black --check}, {@code pyflakes3} and its own
 * pytest suite, with Debian's Python and the packages the projects import; the contract check
 * serves the app with Werkzeug on a throw-away SQLite file, migrated as {@code flask db upgrade}
 * would. Each step's time limit grows with the project (Python files for the linters, tests for
 * pytest).
 */
final class FlaskVerification {

  static final String PYTHON = "/usr/bin/python3";
  private static final String BLACK = "/usr/bin/black";
  private static final String PYFLAKES = "/usr/bin/pyflakes3";
  private static final String MODULES =
      "import flask, flask_sqlalchemy, flask_migrate, flask_jwt_extended, marshmallow, dotenv,"
          + " pytest";

  /** The address-space limit of a Python run. */
  private static final long MEMORY_BYTES = 3L * 1024 * 1024 * 1024;

  private static final Pattern PASSED = Pattern.compile("(\\d+) passed");
  private static final Pattern FAILED = Pattern.compile("(\\d+) failed");
  private static final Pattern ERRORS = Pattern.compile("(\\d+) errors?\\b");
  private static final int PYTEST_NO_TESTS = 5;
  private static final Pattern TEST_CASE =
      Pattern.compile("^(def test_|[ \\t]+pytest\\.param\\()", Pattern.MULTILINE);

  /**
   * A generated test costs about 20 ms of CPU once the application is shared; the allowance is five
   * times that, for a busy machine.
   */
  private static final Duration PYTEST_PER_TEST = Duration.ofMillis(100);

  private FlaskVerification() {}

  static VerificationRecipe recipe() {
    Budget black =
        Budget.perFile(Duration.ofMinutes(2), Duration.ofMillis(250), ".py", "Python files");
    Budget pyflakes =
        Budget.perFile(Duration.ofMinutes(1), Duration.ofMillis(100), ".py", "Python files");
    Budget pytest =
        new Budget(
            Duration.ofMinutes(2), PYTEST_PER_TEST, "tests", FlaskVerification::estimatedTests);
    return new VerificationRecipe(
        List.of(PYTHON, BLACK, PYFLAKES),
        List.of(PYTHON, "-c", MODULES),
        MEMORY_BYTES,
        Map.of("PYTHONDONTWRITEBYTECODE", "1"),
        Optional.empty(),
        List.of(
            new Check(
                "black",
                "black --check .",
                List.of(BLACK, "--check", "--workers", "1", "."),
                black,
                FlaskVerification::readBlack),
            new Check(
                "pyflakes",
                "pyflakes3 .",
                List.of(PYFLAKES, "."),
                pyflakes,
                (run, dir) ->
                    Outcome.findings(
                        run.exitCode() == 0
                            ? 0
                            : (int) run.output().lines().filter(l -> !l.isBlank()).count()))),
        new Check(
            "pytest",
            "python3 -m pytest -q",
            List.of(PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
            pytest,
            FlaskVerification::readPytest),
        "lint finding",
        "Black and pyflakes clean",
        new ContractLaunch(
            "app/openapi.json",
            Duration.ofSeconds(30),
            false,
            Map.of(
                "PYTHONDONTWRITEBYTECODE", "1",
                "DATABASE_URL", "sqlite:////tmp/contract-check.db",
                "JWT_SECRET_KEY", "contract-check-secret-key-0123456789abcdef-0123456789",
                "PASSWORD_HASH_METHOD", "pbkdf2:sha256:1000"),
            (dir, port) ->
                Launch.of(
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
                                + port
                                + ", threaded=False, use_reloader=False)")))));
  }

  private static Outcome readBlack(Run run, Path dir) {
    int reformat =
        count(run.output(), "would reformat ") + count(run.output(), "error: cannot format");
    boolean unfinished = run.exitCode() != 0 && reformat == 0 && !run.timedOut();
    return new Outcome(0, 0, reformat, unfinished ? List.of("black did not finish") : List.of());
  }

  private static Outcome readPytest(Run run, Path dir) {
    List<String> lines = run.output().lines().filter(l -> !l.isBlank()).toList();
    String summary = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    int passed = number(PASSED, summary);
    int failed = number(FAILED, summary) + number(ERRORS, summary);
    boolean ok = run.exitCode() == 0 || run.exitCode() == PYTEST_NO_TESTS;
    List<String> problems =
        ok || run.timedOut()
            ? List.of()
            : List.of(
                failed > 0
                    ? failed + (failed == 1 ? " test failed" : " tests failed")
                    : "pytest exited with " + run.exitCode());
    return new Outcome(passed, failed, 0, problems);
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

  private static int number(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  private static int count(String text, String marker) {
    return (int) text.lines().filter(l -> l.startsWith(marker)).count();
  }
}
