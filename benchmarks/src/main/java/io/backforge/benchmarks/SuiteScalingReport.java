package io.backforge.benchmarks;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints how long the generated projects' own test suites take as the model grows: for each stack
 * and each size (entities of 15 fields, a relation each, from {@link SyntheticSpecs}) it generates
 * the project, runs its suite once and prints the number of tests, the wall time of the whole
 * command and the seconds per test. Figures, not assertions.
 *
 * <p>Flask projects run {@code /usr/bin/python3 -m pytest -q -p no:cacheprovider}; Spring Boot
 * projects run {@code mvn -o -B -q verify} (compile included) against the local repository.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.backforge.benchmarks.SuiteScalingReport
 * [--stacks flask,spring-boot] [--sizes 1,10,40,100] [--timeout 1800] [--work DIR]}
 */
public final class SuiteScalingReport {

  private static final Pattern PYTEST_COUNT =
      Pattern.compile("(\\d+) (passed|failed|errors?|skipped)");
  private static final Pattern SUREFIRE_COUNT =
      Pattern.compile("<testsuite[^>]*?\\stests=\"(\\d+)\"[^>]*?\\sfailures=\"(\\d+)\"");
  private static final Pattern SUREFIRE_ERRORS =
      Pattern.compile("<testsuite[^>]*?\\serrors=\"(\\d+)\"");

  private SuiteScalingReport() {}

  /** One suite run. */
  record Row(
      String stack,
      int entities,
      int tests,
      int failing,
      double seconds,
      double cpuSeconds,
      boolean timedOut) {

    String outcome() {
      if (timedOut) {
        return "stopped after the time limit";
      }
      if (failing < 0) {
        return "failed";
      }
      return failing == 0 ? "passed" : failing + " failing";
    }
  }

  /** Runs the report. */
  public static void main(String[] args) throws Exception {
    List<String> stacks = List.of("flask", "spring-boot");
    int[] sizes = {1, 10, 40, 100};
    long timeoutSeconds = 1800;
    Path work = Files.createTempDirectory("suite-scaling");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--stacks" -> stacks = List.of(args[i + 1].split(","));
        case "--sizes" ->
            sizes = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--timeout" -> timeoutSeconds = Long.parseLong(args[i + 1]);
        case "--work" -> work = Files.createDirectories(Path.of(args[i + 1]));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String stack : stacks) {
      for (int size : sizes) {
        Path dir = write(generate(stack, size), work.resolve(stack + "-" + size));
        Row row =
            stack.equals("flask")
                ? flask(dir, size, timeoutSeconds)
                : springBoot(dir, size, timeoutSeconds);
        System.err.printf(
            "%s %d: %d tests, %.1f s, %.1f CPU s, %s%n",
            stack, size, row.tests(), row.seconds(), row.cpuSeconds(), row.outcome());
        rows.add(row);
      }
    }
    System.out.println(
        "| stack | entities | tests | suite s | s per test | CPU s | CPU s per test | outcome |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
    for (Row row : rows) {
      System.out.printf(
          "| %s | %d | %d | %s%.1f | %.3f | %.1f | %.3f | %s |%n",
          row.stack(),
          row.entities(),
          row.tests(),
          row.timedOut() ? "> " : "",
          row.seconds(),
          row.tests() == 0 ? 0.0 : row.seconds() / row.tests(),
          row.cpuSeconds(),
          row.tests() == 0 ? Double.NaN : row.cpuSeconds() / row.tests(),
          row.outcome());
    }
    System.out.println("projects in " + work);
  }

  private static GeneratedProject generate(String stack, int entities) {
    byte[] json = Pipeline.spec("synthetic-" + entities + "x15@" + stack);
    ValidationResult result = new SpecValidator().validate(json);
    if (!result.valid()) {
      throw new IllegalArgumentException("invalid spec: " + result.errors());
    }
    return new ProjectGenerator().generate(result.spec());
  }

  private static Path write(GeneratedProject project, Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        old.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
      }
    }
    for (Map.Entry<String, byte[]> file : project.files().entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
    return dir;
  }

  private static Row flask(Path dir, int entities, long timeoutSeconds) throws Exception {
    Run run =
        run(
            dir,
            timeoutSeconds,
            "/usr/bin/python3",
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider");
    int tests = 0;
    int failing = 0;
    String[] lines = run.output().strip().split("\n");
    Matcher counts = PYTEST_COUNT.matcher(lines[lines.length - 1]);
    while (counts.find()) {
      int count = Integer.parseInt(counts.group(1));
      tests += count;
      if (!counts.group(2).equals("passed") && !counts.group(2).equals("skipped")) {
        failing += count;
      }
    }
    if (run.timedOut()) {
      Run collected =
          run(dir, timeoutSeconds, "/usr/bin/python3", "-m", "pytest", "-q", "--collect-only");
      Matcher count = Pattern.compile("(\\d+) tests? collected").matcher(collected.output());
      tests = count.find() ? Integer.parseInt(count.group(1)) : 0;
    } else if (run.exitCode() != 0 && failing == 0) {
      failing = -1;
      System.err.println(run.output());
    }
    return new Row(
        "Flask", entities, tests, failing, run.seconds(), run.cpuSeconds(), run.timedOut());
  }

  private static Row springBoot(Path dir, int entities, long timeoutSeconds) throws Exception {
    Run run = run(dir, timeoutSeconds, "mvn", "-o", "-B", "-q", "verify");
    int tests = 0;
    int failing = 0;
    Path reports = dir.resolve("target/surefire-reports");
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.list(reports)) {
        for (Path report : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
          String xml = Files.readString(report);
          Matcher counts = SUREFIRE_COUNT.matcher(xml);
          Matcher errors = SUREFIRE_ERRORS.matcher(xml);
          if (counts.find()) {
            tests += Integer.parseInt(counts.group(1));
            failing += Integer.parseInt(counts.group(2));
          }
          if (errors.find()) {
            failing += Integer.parseInt(errors.group(1));
          }
        }
      }
    }
    if (run.exitCode() != 0 && failing == 0 && !run.timedOut()) {
      failing = -1;
      System.err.println(run.output());
    }
    return new Row(
        "Spring Boot", entities, tests, failing, run.seconds(), run.cpuSeconds(), run.timedOut());
  }

  private record Run(
      int exitCode, String output, double seconds, double cpuSeconds, boolean timedOut) {}

  private static final Pattern CHILD_TIMES =
      Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

  private static Run run(Path dir, long timeoutSeconds, String... command) throws Exception {
    Path log = Files.createTempFile("suite", ".log");
    Path times = Files.createTempFile("suite", ".times");
    List<String> timed =
        new ArrayList<>(
            List.of("bash", "-c", "\"$@\"; rc=$?; times > " + times + "; exit $rc", "bash"));
    timed.addAll(List.of(command));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(timed)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      String output = Files.readString(log);
      Matcher cpu = CHILD_TIMES.matcher(Files.readString(times));
      double cpuSeconds =
          cpu.find()
              ? Integer.parseInt(cpu.group(1)) * 60
                  + Double.parseDouble(cpu.group(2))
                  + Integer.parseInt(cpu.group(3)) * 60
                  + Double.parseDouble(cpu.group(4))
              : Double.NaN;
      Files.delete(log);
      Files.delete(times);
      return new Run(finished ? process.exitValue() : -1, output, seconds, cpuSeconds, !finished);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
