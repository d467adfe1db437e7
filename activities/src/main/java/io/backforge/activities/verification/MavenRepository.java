package io.backforge.activities.verification;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The local Maven repository the sandboxed builds of generated Spring Boot projects read, offline.
 * Before the first such build, it is warmed: the worker generates a warm-up project for each
 * database from a spec that asks for every feature, and builds and tests them once with network
 * access, outside the sandbox (they are our own generated code, not a user's). A marker named after
 * the hash of the warm-up poms records that it is done, so a new generator version that needs other
 * dependencies warms again, and a warm repository costs nothing.
 */
@Component
class MavenRepository {

  private static final Logger log = LoggerFactory.getLogger(MavenRepository.class);
  private static final List<String> DATABASES = List.of("postgresql", "mysql", "sqlite");
  private static final Duration WARM_LIMIT = Duration.ofMinutes(15);

  private final Path directory;
  private final ProjectGenerator generator;
  private final SpecValidator validator = new SpecValidator();

  /** Whether this process found or made the marker: the generator cannot change while it runs. */
  private boolean warm;

  MavenRepository(
      @Value("${backforge.verify.maven-repository:${user.home}/.m2/repository}") Path directory,
      ProjectGenerator generator) {
    this.directory = directory.toAbsolutePath().normalize();
    this.generator = generator;
  }

  /** The repository's directory. */
  Path directory() {
    return directory;
  }

  /**
   * Warms the repository unless it is warm for this generator already; empty when it is ready,
   * otherwise why not. One warm-up at a time in this process; other callers wait for it. The
   * warm-up build is tracked in {@code running}: a verification that stops kills it, and the next
   * one warms again.
   */
  synchronized Optional<String> warm(RunningProcesses running) {
    if (warm) {
      return Optional.empty();
    }
    Map<String, GeneratedProject> projects = warmUpProjects();
    Path marker = directory.resolve(".backforge").resolve("warm-" + hash(projects));
    if (Files.exists(marker)) {
      warm = true;
      return Optional.empty();
    }
    log.info("Warming the Maven repository {} for Spring Boot verification", directory);
    Path root = null;
    try {
      root = Files.createTempDirectory("backforge-maven-warm-up");
      List<String> modules = new ArrayList<>();
      for (Map.Entry<String, GeneratedProject> project : projects.entrySet()) {
        project.getValue().writeTo(root.resolve(project.getKey()));
        modules.add(project.getKey());
      }
      Files.writeString(root.resolve("pom.xml"), aggregator(modules));
      Sandbox.Result build =
          Processes.run(
              List.of(
                  MavenChecks.MAVEN,
                  "-B",
                  "-q",
                  "-Dstyle.color=never",
                  "-Dmaven.repo.local=" + directory,
                  "verify"),
              WARM_LIMIT,
              root,
              running);
      if (build.exitCode() != 0) {
        String output = build.output().strip();
        return Optional.of(
            (build.timedOut() ? "the warm-up build timed out: " : "the warm-up build failed: ")
                + output.substring(Math.max(0, output.length() - 500)));
      }
      Files.createDirectories(marker.getParent());
      Files.writeString(marker, String.join("\n", modules) + "\n");
      warm = true;
      log.info("Maven repository {} is warm", directory);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    } finally {
      VerificationActivitiesImpl.delete(root);
    }
  }

  private Map<String, GeneratedProject> warmUpProjects() {
    String spec = read();
    Map<String, GeneratedProject> projects = new java.util.TreeMap<>();
    for (String database : DATABASES) {
      String name = "warm-up-" + database;
      String json =
          spec.replace("\"database\": \"sqlite\"", "\"database\": \"" + database + "\"")
              .replace("\"name\": \"warm-up\"", "\"name\": \"" + name + "\"");
      ValidationResult result = validator.validate(json.getBytes(StandardCharsets.UTF_8));
      if (!result.valid()) {
        throw new IllegalStateException("the warm-up spec is invalid: " + result.errors());
      }
      projects.put(name, generator.generate(result.spec()));
    }
    return projects;
  }

  private static String read() {
    try (InputStream in = MavenRepository.class.getResourceAsStream("maven-warm-up.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(Map<String, GeneratedProject> projects) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      projects.forEach(
          (name, project) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(project.files().get("pom.xml"));
          });
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String aggregator(List<String> modules) {
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
    modules.forEach(m -> pom.append("    <module>").append(m).append("</module>\n"));
    return pom.append("  </modules>\n</project>\n").toString();
  }
}
