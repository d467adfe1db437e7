package io.backforge.activities.verification;

import io.backforge.templates.spec.Stack;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Proves a generated Flask project: {@code black --check}, {@code pyflakes3} and its own pytest
 * suite, each in the sandbox, with Debian's Python and the packages the projects import.
 */
@Component
class PythonChecks implements ProjectChecks {

  static final String PYTHON = "/usr/bin/python3";
  private static final String MODULES =
      "import flask, flask_sqlalchemy, flask_migrate, flask_jwt_extended, marshmallow, pytest";
  private static final Pattern PASSED = Pattern.compile("(\\d+) passed");
  private static final Pattern FAILED = Pattern.compile("(\\d+) failed");
  private static final Pattern ERRORS = Pattern.compile("(\\d+) errors?\\b");
  private static final int PYTEST_NO_TESTS = 5;

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
    return Stack.FLASK;
  }

  @Override
  public Verification check(Path dir) {
    return run(dir);
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

  private static Verification run(Path dir) {
    long started = System.nanoTime();
    Sandbox.Result black =
        Sandbox.run(dir, Duration.ofMinutes(2), "/usr/bin/black", "--check", "--workers", "1", ".");
    Sandbox.Result pyflakes = Sandbox.run(dir, Duration.ofMinutes(1), "/usr/bin/pyflakes3", ".");
    Sandbox.Result pytest =
        Sandbox.run(
            dir, Duration.ofMinutes(5), PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider");
    long millis = (System.nanoTime() - started) / 1_000_000;
    int reformat =
        count(black.output(), "would reformat ") + count(black.output(), "error: cannot format");
    int flakes =
        pyflakes.exitCode() == 0
            ? 0
            : (int) pyflakes.output().lines().filter(l -> !l.isBlank()).count();
    int lint = reformat + flakes;
    String summary = summaryLine(pytest.output());
    int passed = number(PASSED, summary);
    int failed = number(FAILED, summary) + number(ERRORS, summary);
    List<String> problems = new ArrayList<>();
    if (black.exitCode() != 0 && reformat == 0) {
      problems.add(black.timedOut() ? "black timed out" : "black did not finish");
    }
    if (pyflakes.timedOut()) {
      problems.add("pyflakes timed out");
    }
    if (lint > 0) {
      problems.add(lint + (lint == 1 ? " lint finding" : " lint findings"));
    }
    boolean noTests = pytest.exitCode() == PYTEST_NO_TESTS;
    if (pytest.timedOut()) {
      problems.add("pytest timed out");
    } else if (pytest.exitCode() != 0 && !noTests) {
      problems.add(
          failed > 0
              ? failed + (failed == 1 ? " test failed" : " tests failed")
              : "pytest exited with " + pytest.exitCode());
    }
    String log =
        "$ black --check .\n"
            + black.output()
            + "\n$ pyflakes3 .\n"
            + pyflakes.output()
            + "\n$ python3 -m pytest -q\n"
            + pytest.output();
    ContractCheck.Result contract = null;
    if (problems.isEmpty()) {
      contract = ContractCheck.run(dir, CONTRACT);
      millis += contract.millis();
      log += contract.log();
      if (contract.failed()) {
        problems.add(contract.summary());
      }
    }
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
