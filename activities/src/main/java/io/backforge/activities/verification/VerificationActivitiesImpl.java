package io.backforge.activities.verification;

import io.backforge.activities.store.ProjectFiles;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationActivities;
import io.backforge.workflows.VerificationState;
import io.backforge.workflows.payload.VerificationInput;
import io.backforge.workflows.payload.VerificationResult;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Verifies generated Flask projects with Black, pyflakes and their own pytest suite, sandboxed. */
@Component
public class VerificationActivitiesImpl implements VerificationActivities {

  static final int LOG_TAIL = 4000;
  private static final Pattern PASSED = Pattern.compile("(\\d+) passed");
  private static final Pattern FAILED = Pattern.compile("(\\d+) failed");
  private static final Pattern ERRORS = Pattern.compile("(\\d+) errors?\\b");
  private static final int PYTEST_NO_TESTS = 5;

  private final ProjectFiles files;
  private final Toolchain toolchain;

  VerificationActivitiesImpl(ProjectFiles files, Toolchain toolchain) {
    this.files = files;
    this.toolchain = toolchain;
  }

  @Override
  public VerificationResult verify(VerificationInput input) {
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    return new VerificationResult(verify(input.manifestHash()), attempt);
  }

  /** Verifies the files of a stored manifest. */
  Verification verify(String manifestHash) {
    if (!toolchain.available()) {
      return Verification.skipped("This worker cannot verify: " + toolchain.missing());
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("backforge-verify");
      write(manifestHash, dir);
      return check(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private void write(String manifestHash, Path dir) throws IOException {
    for (Map.Entry<String, byte[]> file : files.load(manifestHash).files().entrySet()) {
      Path target = dir.resolve(file.getKey()).normalize();
      if (!target.startsWith(dir)) {
        throw new IllegalStateException("path outside the project: " + file.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  private static Verification check(Path dir) {
    long started = System.nanoTime();
    Sandbox.Result black =
        Sandbox.run(dir, Duration.ofMinutes(2), "/usr/bin/black", "--check", "--workers", "1", ".");
    Sandbox.Result pyflakes = Sandbox.run(dir, Duration.ofMinutes(1), "/usr/bin/pyflakes3", ".");
    Sandbox.Result pytest =
        Sandbox.run(
            dir,
            Duration.ofMinutes(5),
            Toolchain.PYTHON,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider");
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
    String tail = log.length() > LOG_TAIL ? log.substring(log.length() - LOG_TAIL) : log;
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

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: the temporary directory is the only thing left behind
    }
  }
}
