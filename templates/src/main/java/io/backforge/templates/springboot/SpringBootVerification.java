package io.backforge.templates.springboot;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.pack.VerificationRecipe;
import io.backforge.templates.pack.VerificationRecipe.Budget;
import io.backforge.templates.pack.VerificationRecipe.Check;
import io.backforge.templates.pack.VerificationRecipe.ContractLaunch;
import io.backforge.templates.pack.VerificationRecipe.DependencyCache;
import io.backforge.templates.pack.VerificationRecipe.Launch;
import io.backforge.templates.pack.VerificationRecipe.Outcome;
import io.backforge.templates.pack.VerificationRecipe.Run;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How a generated Spring Boot project is proved: {@code mvn -o verify} against a warmed local
 * repository shown read-only, which compiles it with {@code -Xlint:all} and runs its own tests.
 * Passing means the build succeeded, its tests passed and javac warned about nothing in the
 * generated sources. The contract check then starts the built app on the classpath its own tests
 * ran with (Surefire records it in its reports; it holds the test-scoped H2 driver), in the {@code
 * test} profile of its tests (an in-memory H2 database that Flyway migrates with the project's H2
 * migrations), on the worker's JDK.
 */
final class SpringBootVerification {

  static final String MAVEN = "/usr/bin/mvn";

  /**
   * A JVM reserves address space far beyond its heap (class space, code cache, thread stacks), so
   * the limit is wider than Python's; the heaps are capped instead, for Maven and the test JVM.
   */
  private static final long MEMORY_BYTES = 12L * 1024 * 1024 * 1024;

  /** The app's start-up allowance in the contract check. */
  static final Duration STARTUP = Duration.ofSeconds(90);

  private static final List<String> DATABASES = List.of("postgresql", "mysql", "sqlite");
  private static final String CLASS_PATH = "surefire.test.class.path";
  private static final Pattern SUITE_ATTRIBUTE =
      Pattern.compile("\\b(tests|errors|failures|skipped)=\"(\\d+)\"");
  private static final Pattern OWN_WARNING =
      Pattern.compile(
          "^\\[WARNING\\] " + Pattern.quote(VerificationRecipe.PROJECT) + "/\\S+\\.java",
          Pattern.MULTILINE);
  private static final Pattern APPLICATION =
      Pattern.compile(
          "^package\\s+([\\w.]+);.*?@SpringBootApplication.*?class\\s+(\\w+)",
          Pattern.DOTALL | Pattern.MULTILINE);

  private SpringBootVerification() {}

  static VerificationRecipe recipe(SpringBootGenerator generator) {
    return new VerificationRecipe(
        List.of(MAVEN),
        List.of(MAVEN, "-B", "--version"),
        MEMORY_BYTES,
        Map.of(
            "JAVA_TOOL_OPTIONS",
            "-Xmx768m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=2"),
        Optional.of(
            new DependencyCache(
                "maven-repository",
                "Maven repository",
                Path.of(System.getProperty("user.home"), ".m2", "repository"),
                () -> warmUp(generator),
                List.of("pom.xml"),
                List.of(
                    MAVEN,
                    "-B",
                    "-q",
                    "-Dstyle.color=never",
                    "-Dmaven.repo.local=" + VerificationRecipe.CACHE,
                    "verify"),
                Duration.ofMinutes(15))),
        List.of(),
        new Check(
            "mvn verify",
            "mvn -o -B verify",
            List.of(
                MAVEN,
                "-o",
                "-B",
                "--no-transfer-progress",
                "-Dstyle.color=never",
                "-Dmaven.repo.local=" + VerificationRecipe.CACHE,
                "verify"),
            // compiling a source and running its tests; generous, for a busy machine
            Budget.perFile(Duration.ofMinutes(5), Duration.ofSeconds(1), ".java", "Java sources"),
            SpringBootVerification::readBuild),
        "compiler warning",
        "compiled without warnings",
        new ContractLaunch(
            "src/main/resources/openapi.json",
            STARTUP,
            true,
            Map.of(),
            SpringBootVerification::launch));
  }

  private static Outcome readBuild(Run run, Path dir) {
    int[] counts = testCounts(dir);
    int failed = counts[1];
    List<String> problems = new ArrayList<>();
    if (run.timedOut()) {
      // the platform names the limit
    } else if (failed > 0) {
      problems.add(failed + (failed == 1 ? " test failed" : " tests failed"));
    } else if (run.exitCode() != 0) {
      problems.add("the build failed (mvn exited with " + run.exitCode() + ")");
    }
    return new Outcome(
        counts[0] - counts[1] - counts[2], failed, countWarnings(run.output()), problems);
  }

  /** Warnings javac gave about the project's own sources. */
  static int countWarnings(String output) {
    return (int) OWN_WARNING.matcher(output).results().count();
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

  /**
   * The warm-up project: one module per database, each generated from a spec with every feature, so
   * that its build pulls every dependency a generated project uses.
   */
  private static GeneratedProject warmUp(SpringBootGenerator generator) {
    String spec = read();
    SpecValidator validator = new SpecValidator();
    GeneratedProject.Builder warmUp = GeneratedProject.builder("warm-up");
    StringBuilder pom =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>io.backforge.warmup</groupId>
              <artifactId>warm-up</artifactId>
              <version>1</version>
              <packaging>pom</packaging>
              <modules>
            """);
    for (String database : DATABASES) {
      String name = "warm-up-" + database;
      String json =
          spec.replace("\"database\": \"sqlite\"", "\"database\": \"" + database + "\"")
              .replace("\"name\": \"warm-up\"", "\"name\": \"" + name + "\"");
      ValidationResult result = validator.validate(json.getBytes(StandardCharsets.UTF_8));
      if (!result.valid()) {
        throw new IllegalStateException("the warm-up spec is invalid: " + result.errors());
      }
      generator
          .generate(result.spec())
          .files()
          .forEach((path, bytes) -> warmUp.bytes(name + "/" + path, bytes));
      pom.append("    <module>").append(name).append("</module>\n");
    }
    return warmUp.text("pom.xml", pom.append("  </modules>\n</project>\n").toString()).build();
  }

  private static String read() {
    try (InputStream in = SpringBootVerification.class.getResourceAsStream("warm-up.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The launch of the app built in {@code dir}, or why there is none: no tests ran (so there is no
   * recorded classpath), or no application class.
   */
  static Launch launch(Path dir, int port) {
    Optional<String> classPath = classPath(dir);
    if (classPath.isEmpty()) {
      return Launch.none("no Surefire report records the classpath (the project has no tests)");
    }
    Optional<String> main = mainClass(dir);
    if (main.isEmpty()) {
      return Launch.none("no @SpringBootApplication class was found");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return Launch.of(
        List.of(
            java,
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:CICompilerCount=2",
            "-Xmx512m",
            "-cp",
            classPath.get(),
            main.get(),
            "--spring.profiles.active=test",
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--spring.main.banner-mode=off"));
  }

  private static Optional<String> classPath(Path dir) {
    Path reports = dir.resolve("target/surefire-reports");
    if (!Files.isDirectory(reports)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(reports)) {
      for (Path report :
          files.filter(p -> p.getFileName().toString().startsWith("TEST-")).sorted().toList()) {
        Optional<String> classPath = property(report, CLASS_PATH);
        if (classPath.isPresent()) {
          return classPath;
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code Start-Class} of the repackaged jar, else the class the sources annotate. */
  private static Optional<String> mainClass(Path dir) {
    try (Stream<Path> files = Files.list(dir.resolve("target"))) {
      for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        try (JarFile file = new JarFile(jar.toFile())) {
          Manifest manifest = file.getManifest();
          String start =
              manifest == null ? null : manifest.getMainAttributes().getValue("Start-Class");
          if (start != null) {
            return Optional.of(start);
          }
        }
      }
    } catch (IOException e) {
      // no jar to read: look at the sources
    }
    Path sources = dir.resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Matcher matcher = APPLICATION.matcher(Files.readString(source, StandardCharsets.UTF_8));
        if (matcher.find()) {
          return Optional.of(matcher.group(1) + "." + matcher.group(2));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }

  /**
   * The value of the {@code <property name="...">} {@code name} in a Surefire report. The build
   * that wrote it ran the project's code, so the report is read without DTDs or external entities.
   */
  private static Optional<String> property(Path report, String name) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(report)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT
              && xml.getLocalName().equals("property")
              && name.equals(xml.getAttributeValue(null, "name"))) {
            return Optional.ofNullable(xml.getAttributeValue(null, "value"));
          }
        }
        return Optional.empty();
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      return Optional.empty();
    }
  }
}
