package io.backforge.activities.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * How the contract check starts a Spring Boot project that {@code mvn verify} built: its classes on
 * the classpath its own tests ran with (Surefire records it in its reports; it holds the
 * test-scoped H2 driver), in the {@code test} profile of its tests (an in-memory H2 database that
 * Flyway migrates with the project's H2 migrations), on the worker's JDK.
 */
final class SpringBootLaunch {

  /** Where the project ships its document; else the app serves springdoc's at runtime. */
  static final String DOCUMENT_FILE = "src/main/resources/openapi.json";

  static final Duration STARTUP = Duration.ofSeconds(90);
  private static final String CLASS_PATH = "surefire.test.class.path";
  private static final Pattern APPLICATION =
      Pattern.compile(
          "^package\\s+([\\w.]+);.*?@SpringBootApplication.*?class\\s+(\\w+)",
          Pattern.DOTALL | Pattern.MULTILINE);

  private SpringBootLaunch() {}

  /**
   * The launch of the app built in {@code dir}, or why there is none: no tests ran (so there is no
   * recorded classpath), or no application class.
   */
  static Launched of(Path dir, Sandbox.Options options) {
    Optional<String> classPath = classPath(dir);
    if (classPath.isEmpty()) {
      return new Launched(
          null, "no Surefire report records the classpath (the project has no tests)");
    }
    Optional<String> main = mainClass(dir);
    if (main.isEmpty()) {
      return new Launched(null, "no @SpringBootApplication class was found");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
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
            "--server.port=" + LiveApp.PORT,
            "--server.address=127.0.0.1",
            "--spring.main.banner-mode=off");
    return new Launched(
        new ContractCheck.Launch(
            new Sandbox.Options(options.memoryBytes(), options.readOnly(), Map.of()),
            command,
            DOCUMENT_FILE,
            STARTUP),
        "");
  }

  /**
   * A launch, or why there is none.
   *
   * @param launch the launch, or {@code null}
   * @param missing why there is none, for people
   */
  record Launched(ContractCheck.Launch launch, String missing) {}

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
        try (InputStream in = Files.newInputStream(source)) {
          Matcher matcher =
              APPLICATION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          if (matcher.find()) {
            return Optional.of(matcher.group(1) + "." + matcher.group(2));
          }
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
