package io.backforge.templates.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec under {@code specs/} and {@code compliance/}, switched to the Spring Boot stack (on
 * its own database), is generated into one folder under {@code target/} with an aggregator pom, and
 * ONE {@code mvn -B -T 2 verify} builds and tests them all: each project must compile without
 * {@code -Xlint:all} warnings in its sources and run its own tests (on H2) with none failing.
 * {@link SpringBootMigrationComplianceTests} applies the PostgreSQL and MySQL migrations to real
 * servers.
 *
 * <p>The executable jars are not repackaged (half a gigabyte for nothing); {@code -Xlint:all} needs
 * no {@code -processing} exclusion because no annotation processor runs in these projects.
 */
class SpringBootComplianceTests {

  private static final Path ROOT = Path.of("target", "spring-boot-compliance").toAbsolutePath();
  private static final Pattern COMPILER_WARNING =
      Pattern.compile("^\\[WARNING\\] (/\\S+\\.java):\\[\\d+,\\d+\\].*$", Pattern.MULTILINE);

  private static final Map<String, String> specs = new TreeMap<>();
  private static final Map<String, List<String>> markers = new TreeMap<>();
  private static String buildLog;
  private static int buildExit;
  private static long buildMillis;

  @BeforeAll
  static void generateEveryProjectAndBuildThemOnce() throws Exception {
    deleteRecursively(ROOT);
    Files.createDirectories(ROOT);
    for (String folder : List.of("specs", "compliance")) {
      for (Path file : jsonFiles(folder)) {
        String module = file.getFileName().toString().replace(".json", "");
        specs.put(module, Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    List<String> modules = new ArrayList<>();
    for (Map.Entry<String, String> entry : specs.entrySet()) {
      GeneratedProject project = generate(entry.getValue(), null);
      Path dir = ROOT.resolve(entry.getKey());
      write(project, dir);
      modules.add("    <module>" + entry.getKey() + "</module>");
      String javaPackage =
          project.files().keySet().stream()
              .filter(p -> p.startsWith("src/main/java/") && p.endsWith("/Application.java"))
              .map(p -> p.substring(14, p.length() - 17).replace('/', '.'))
              .findFirst()
              .orElseThrow();
      markers.put(
          entry.getKey(),
          List.of(
              dir + "/",
              "on project " + project.rootFolder() + ":",
              " " + project.rootFolder() + " ",
              javaPackage + "."));
    }
    Files.writeString(
        ROOT.resolve("pom.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>io.backforge.compliance</groupId>
          <artifactId>spring-boot-compliance</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <modules>
        %s
          </modules>
        </project>
        """
            .formatted(String.join("\n", modules)));
    long start = System.nanoTime();
    Path log = ROOT.resolve("build.log");
    Process maven =
        new ProcessBuilder(
                "mvn", "-B", "-T", "2", "-fae", "-Dspring-boot.repackage.skip=true", "verify")
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!maven.waitFor(25, TimeUnit.MINUTES)) {
      maven.destroyForcibly();
    }
    buildExit = maven.isAlive() ? -1 : maven.exitValue();
    buildMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    buildLog = Files.readString(log, StandardCharsets.UTF_8);
    System.out.printf(
        "SpringBootComplianceTests: one mvn verify over %d projects took %d s%n",
        specs.size(), buildMillis / 1000);
  }

  @TestFactory
  Stream<DynamicTest> everySpecBuildsWithoutWarningsAndPassesItsOwnTests() {
    return specs.keySet().stream()
        .map(module -> DynamicTest.dynamicTest(module, () -> assertModule(module)));
  }

  @Test
  void theWholeBuildSucceeds() {
    assertThat(buildExit).as(tail(buildLog, 120)).isZero();
  }

  private static void assertModule(String module) throws IOException {
    Path dir = ROOT.resolve(module);
    String output = moduleOutput(module);
    List<String> warnings = new ArrayList<>();
    Matcher matcher = COMPILER_WARNING.matcher(buildLog);
    while (matcher.find()) {
      if (matcher.group(1).startsWith(dir.toString() + "/")) {
        warnings.add(matcher.group());
      }
    }
    assertThat(warnings).as("compiler warnings in generated sources").isEmpty();
    Path reports = dir.resolve("target/surefire-reports");
    assertThat(reports).as("no test reports; the build said:\n" + output).isDirectory();
    int tests = 0;
    int failed = 0;
    try (Stream<Path> files = Files.list(reports)) {
      for (Path report : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
        String xml = Files.readString(report, StandardCharsets.UTF_8);
        tests += attribute(xml, "tests");
        failed += attribute(xml, "failures") + attribute(xml, "errors");
      }
    }
    assertThat(tests).as("tests run; the build said:\n" + output).isPositive();
    assertThat(failed).as("failed tests; the build said:\n" + output).isZero();
  }

  /** The build log lines about {@code module} and its failed test reports, the last 150 lines. */
  private static String moduleOutput(String module) throws IOException {
    StringBuilder out = new StringBuilder();
    List<String> own = markers.get(module);
    buildLog
        .lines()
        .filter(line -> own.stream().anyMatch(line::contains))
        .forEach(line -> out.append(line).append('\n'));
    Path reports = ROOT.resolve(module).resolve("target/surefire-reports");
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.list(reports)) {
        for (Path report : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          String text = Files.readString(report, StandardCharsets.UTF_8);
          if (text.contains("FAILURE") || text.contains("ERROR")) {
            out.append(text).append('\n');
          }
        }
      }
    }
    return tail(out.toString(), 150);
  }

  /** The spec as the Spring Boot stack, on {@code database} or its own one when null. */
  static GeneratedProject generate(String json, String database) {
    String switched =
        json.replaceFirst("\"stack\"\\s*:\\s*\"[a-z-]+\"", "\"stack\": \"spring-boot\"");
    if (database != null) {
      switched =
          switched.replaceFirst(
              "\"database\"\\s*:\\s*\"[a-z]+\"", "\"database\": \"" + database + "\"");
    }
    ValidationResult result =
        new SpecValidator().validate(switched.getBytes(StandardCharsets.UTF_8));
    assertThat(result.errors()).isEmpty();
    ProjectSpec spec = result.spec();
    return new SpringBootGenerator().generate(spec);
  }

  static void write(GeneratedProject project, Path dir) throws IOException {
    project.writeTo(dir);
  }

  private static int attribute(String xml, String name) {
    Matcher m = Pattern.compile("<testsuite[^>]*\\s" + name + "=\"(\\d+)\"").matcher(xml);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  static List<Path> jsonFiles(String folder) throws IOException, URISyntaxException {
    Path dir = Path.of(SpringBootComplianceTests.class.getResource("/" + folder).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.naturalOrder())
          .toList();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
