package io.backforge.activities.verification;

import io.backforge.templates.spec.Stack;
import io.backforge.templates.springboot.SpringBootPack;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Proves a generated Spring Boot project: {@code mvn -o verify} in the sandbox (no network) against
 * a warmed local repository shown read-only, which compiles it with {@code -Xlint:all} and runs its
 * own tests. Passing means the build succeeded, its tests passed and javac warned about nothing in
 * the generated sources. The build's time limit grows with the number of Java sources, within the
 * verification's overall limit ({@link VerificationLimits}), which also covers warming the
 * repository.
 */
@Component
class MavenChecks implements ProjectChecks {

  static final String MAVEN = "/usr/bin/mvn";

  /**
   * A JVM reserves address space far beyond its heap (class space, code cache, thread stacks), so
   * the limit is wider than Python's; the heaps are capped instead, for Maven and the test JVM.
   */
  private static final long MEMORY_BYTES = 12L * 1024 * 1024 * 1024;

  private static final Map<String, String> JVM =
      Map.of(
          "JAVA_TOOL_OPTIONS",
          "-Xmx768m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=2");

  private static final Duration BUILD_FLOOR = Duration.ofMinutes(5);

  /** Compiling a source and running its tests; generous, for a busy machine. */
  private static final Duration BUILD_PER_SOURCE = Duration.ofSeconds(1);

  private static final Pattern SUITE_ATTRIBUTE =
      Pattern.compile("\\b(tests|errors|failures|skipped)=\"(\\d+)\"");
  private static final Pattern OWN_WARNING =
      Pattern.compile(
          "^\\[WARNING\\] " + Pattern.quote(Sandbox.PROJECT) + "/\\S+\\.java", Pattern.MULTILINE);

  private final MavenRepository repository;

  MavenChecks(MavenRepository repository) {
    this.repository = repository;
  }

  @Override
  public Stack stack() {
    return SpringBootPack.STACK;
  }

  @Override
  public String probe() {
    if (!Files.isExecutable(Path.of(MAVEN))) {
      return "not installed: " + MAVEN;
    }
    return Sandbox.probe(
        options(), "Maven does not start in the sandbox here", MAVEN, "-B", "--version");
  }

  private Sandbox.Options options() {
    return new Sandbox.Options(MEMORY_BYTES, List.of(repository.directory().toString()), JVM);
  }

  @Override
  public Verification check(Path dir, RunningProcesses running) {
    VerificationLimits limits = VerificationLimits.start();
    Optional<String> cold = repository.warm(running);
    if (cold.isPresent()) {
      return Verification.skipped("The Maven repository could not be prepared: " + cold.get());
    }
    long started = System.nanoTime();
    long sources = VerificationLimits.countFiles(dir, p -> p.toString().endsWith(".java"));
    VerificationLimits.Limit limit =
        limits.limit("mvn verify", BUILD_FLOOR, BUILD_PER_SOURCE, sources, "Java sources");
    Sandbox.Result build =
        Sandbox.run(
            dir,
            limit.duration(),
            options(),
            running,
            MAVEN,
            "-o",
            "-B",
            "--no-transfer-progress",
            "-Dstyle.color=never",
            "-Dmaven.repo.local=" + repository.directory(),
            "verify");
    long millis = (System.nanoTime() - started) / 1_000_000;
    int[] counts = testCounts(dir);
    int passed = counts[0] - counts[1] - counts[2];
    int failed = counts[1];
    int warnings = countWarnings(build.output());
    List<String> problems = new ArrayList<>();
    if (warnings > 0) {
      problems.add(warnings + (warnings == 1 ? " compiler warning" : " compiler warnings"));
    }
    if (build.timedOut()) {
      problems.add(limit.exceeded());
    } else if (failed > 0) {
      problems.add(failed + (failed == 1 ? " test failed" : " tests failed"));
    } else if (build.exitCode() != 0) {
      problems.add("the build failed (mvn exited with " + build.exitCode() + ")");
    }
    String log = "$ mvn -o -B verify\n" + build.output();
    String contract = "";
    if (problems.isEmpty()) {
      ContractCheck.Result result =
          ContractCheck.run(dir, SpringBootLaunch.of(dir, options()), running);
      millis += result.millis();
      log += result.log();
      contract = "; " + result.summary();
      if (result.failed()) {
        problems.add(result.summary());
      }
    }
    String tail = ProjectChecks.tail(log);
    if (!problems.isEmpty()) {
      return new Verification(
          VerificationState.FAILED,
          String.join(", ", problems),
          passed,
          failed,
          warnings,
          tail,
          millis);
    }
    String reason =
        (passed == 0
                ? "The project has no tests"
                : passed + (passed == 1 ? " test passed" : " tests passed"))
            + "; compiled without warnings"
            + contract;
    return new Verification(VerificationState.PASSED, reason, passed, 0, 0, tail, millis);
  }

  /** Warnings javac gave about the project's own sources. */
  static int countWarnings(String output) {
    Matcher matcher = OWN_WARNING.matcher(output);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  /** Tests run, failed or errored, and skipped, from the Surefire and Failsafe reports. */
  static int[] testCounts(Path dir) {
    int[] counts = new int[3];
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path report :
          files
              .filter(p -> p.getFileName().toString().startsWith("TEST-"))
              .filter(p -> p.getFileName().toString().endsWith(".xml"))
              .toList()) {
        String xml = Files.readString(report, StandardCharsets.UTF_8);
        int open = xml.indexOf("<testsuite");
        if (open < 0) {
          continue;
        }
        String tag = xml.substring(open, xml.indexOf('>', open));
        Matcher attribute = SUITE_ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
          int value = Integer.parseInt(attribute.group(2));
          switch (attribute.group(1)) {
            case "tests" -> counts[0] += value;
            case "skipped" -> counts[2] += value;
            default -> counts[1] += value;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts;
  }
}
