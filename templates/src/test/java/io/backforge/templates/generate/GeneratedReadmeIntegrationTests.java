package io.backforge.templates.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows the quick start of each stack's generated README literally, as a newcomer would on a bare
 * Debian 12 machine: the generated zip is unzipped with {@code unzip}, then every {@code sh} or
 * {@code bash} block of the README's "Quick start" section runs with bash, in order, in the project
 * folder: the setup blocks one after the other, the second-to-last block (the run command) in the
 * background until the app answers its health check, and the last block (register, log in, list the
 * first entity with the token) against it. The database and the role the README creates are real,
 * on the PostgreSQL (and, for Flask, the MariaDB) here, and dropped afterwards. Spring Boot on
 * MariaDB is not followed: its README says to switch to MariaDB's JDBC driver first.
 *
 * <p>What this machine does differently from a bare one, and how the test bridges it without
 * changing a README command:
 *
 * <ul>
 *   <li>There is no {@code sudo} (the tests run as root). A {@code sudo} on the test's {@code PATH}
 *       runs the command as it is, with {@code -u postgres} meaning the database superuser ({@code
 *       PGUSER=postgres}, PostgreSQL at 127.0.0.1 trusts it; {@code sudo mysql} is MariaDB's root,
 *       as on Debian). {@code sudo apt-get install} is not run (it would change a shared machine):
 *       the stand-in checks that every package it names is installed, which is what the command
 *       would make true, and fails otherwise.
 *   <li>The machine is shared, so the app cannot take the README's port: the run command gets a
 *       free port through the variable the app reads ({@code FLASK_RUN_PORT}, {@code PORT}), and
 *       only that port number is replaced in the last block's URLs.
 *   <li>The {@code python3} first on this machine's {@code PATH} is not Debian's; the blocks run
 *       with a bare Debian {@code PATH} and environment (no {@code DATABASE_URL}, no secrets).
 * </ul>
 *
 * <p>The Flask README's "Installing from PyPI" recipe is not followed: it needs PyPI, which is not
 * reachable here. {@link #flaskRequirementsAreMetByTheDebianPackagesTheReadmeInstalls} checks
 * instead that the Debian packages of the quick start have the versions {@code requirements.txt}
 * pins. The Spring Boot quick start's {@code ./mvnw} downloads Maven from Maven Central on its
 * first run (reachable here) and builds against {@code ~/.m2}.
 */
class GeneratedReadmeIntegrationTests {

  private static final DatabaseServer POSTGRESQL =
      new DatabaseServer(
          "postgresql",
          "jdbc:postgresql://127.0.0.1:5432/postgres",
          "postgres",
          List.of("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", "DROP ROLE IF EXISTS \"%s\""));
  private static final DatabaseServer MARIADB =
      new DatabaseServer(
          "mysql",
          "jdbc:mariadb://127.0.0.1:3306/",
          "root",
          List.of("DROP DATABASE IF EXISTS `%s`", "DROP USER IF EXISTS '%s'@'127.0.0.1'"));
  private static final Pattern QUICK_START =
      Pattern.compile("(?s)\\n## Quick start\\n(.*?)(?=\\n## |\\z)");
  private static final Pattern SHELL_BLOCK = Pattern.compile("(?s)```(?:sh|bash)\\n(.*?)```");
  private static final String BARE_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** Stands in for sudo on this machine; see the class comment. */
  private static final String SUDO =
      """
      #!/bin/bash
      if [ "$1" = "-u" ]; then
        [ "$2" = postgres ] && export PGUSER=postgres PGHOST=127.0.0.1
        shift 2
      fi
      if [ "$1" = apt-get ] && [ "$2" = install ]; then
        shift 2
        missing=""
        for package in "$@"; do
          case "$package" in -*) continue ;; esac
          dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \\
            || missing="$missing $package"
        done
        if [ -n "$missing" ]; then
          echo "sudo stand-in: not installed:$missing" >&2
          exit 1
        fi
        echo "sudo stand-in: every package apt-get would install is installed"
        exit 0
      fi
      exec "$@"
      """;

  @TempDir Path dir;

  @Test
  void flaskReadmeQuickStartWorksAsWrittenFromUnzipToAnAuthenticatedList() throws Exception {
    followQuickStart("flask", POSTGRESQL, "http://localhost:5000", "FLASK_RUN_PORT", "/health", 60);
  }

  @Test
  void flaskReadmeQuickStartWorksAsWrittenOnMariaDb() throws Exception {
    followQuickStart("flask", MARIADB, "http://localhost:5000", "FLASK_RUN_PORT", "/health", 60);
  }

  /**
   * A project named like an SQL keyword ({@code user} is reserved by PostgreSQL, {@code default}
   * everywhere): the README's commands quote its database and role. The names are fixed, so two
   * checkouts running this test at the same moment would share them.
   */
  @Test
  void flaskReadmeQuickStartWorksForProjectsNamedLikeSqlKeywords() throws Exception {
    followQuickStart(
        "flask", POSTGRESQL, "http://localhost:5000", "FLASK_RUN_PORT", "/health", 60, "user");
    followQuickStart(
        "flask", MARIADB, "http://localhost:5000", "FLASK_RUN_PORT", "/health", 60, "default");
  }

  @Test
  void springBootReadmeQuickStartWorksAsWrittenFromUnzipToAnAuthenticatedList() throws Exception {
    followQuickStart(
        "spring-boot", POSTGRESQL, "http://localhost:8080", "PORT", "/actuator/health", 600);
  }

  @Test
  void flaskRequirementsAreMetByTheDebianPackagesTheReadmeInstalls() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no Debian Python");
    GeneratedProject project = new ProjectGenerator().generate(spec("flask", "postgresql"));
    Path requirements =
        Files.writeString(dir.resolve("requirements.txt"), project.text("requirements.txt"));
    String check =
        """
        import importlib.metadata, sys
        from packaging.requirements import Requirement
        # The PyPI wheel of psycopg2 has its own name; Debian's python3-psycopg2 is the same module.
        SAME = {"psycopg2-binary": "psycopg2"}
        unmet = []
        for line in open(sys.argv[1]):
            if line.strip():
                wanted = Requirement(line)
                name = SAME.get(wanted.name.lower(), wanted.name)
                try:
                    version = importlib.metadata.version(name)
                except importlib.metadata.PackageNotFoundError:
                    version = None
                ok = version is not None and wanted.specifier.contains(version, prereleases=True)
                print(("ok    " if ok else "UNMET ") + line.strip() + " (installed: " + str(version) + ")")
                if not ok:
                    unmet.append(line)
        sys.exit(1 if unmet else 0)
        """;

    Shell.Result result =
        Shell.run(
            dir,
            bareEnvironment(dir),
            Duration.ofSeconds(60),
            "/usr/bin/python3",
            "-c",
            check,
            requirements.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(project.text("README.md"))
        .contains("python3-dotenv", "python3-psycopg2", "gunicorn");
  }

  private void followQuickStart(
      String stack,
      DatabaseServer database,
      String readmeBase,
      String portVariable,
      String healthPath,
      int startSeconds)
      throws Exception {
    followQuickStart(
        stack, database, readmeBase, portVariable, healthPath, startSeconds, defaultName(stack));
  }

  private void followQuickStart(
      String stack,
      DatabaseServer database,
      String readmeBase,
      String portVariable,
      String healthPath,
      int startSeconds,
      String projectName)
      throws Exception {
    Assumptions.assumeTrue(database.reachable(), "no database server at " + database.url());
    ProjectSpec spec = spec(stack, database.spec(), projectName);
    String name = spec.name().snake();
    GeneratedProject project = new ProjectGenerator().generate(spec);
    Path zip = dir.resolve(project.rootFolder() + ".zip");
    Files.write(zip, ProjectZipper.zip(project));
    Map<String, String> env = bareEnvironment(dir);
    database.drop(name);
    Shell.Server server = null;
    try {
      Shell.Result unzipped =
          Shell.bash(dir, env, Duration.ofSeconds(60), "unzip -q " + zip.getFileName());
      assertThat(unzipped.exitCode()).as(unzipped.output()).isZero();
      Path projectDir = dir.resolve(project.rootFolder());
      List<String> blocks = quickStartBlocks(Files.readString(projectDir.resolve("README.md")));
      assertThat(blocks)
          .as("setup blocks, the run command, the try-it block")
          .hasSizeGreaterThanOrEqualTo(3);

      for (String setup : blocks.subList(0, blocks.size() - 2)) {
        Shell.Result result = Shell.bash(projectDir, env, Duration.ofMinutes(5), setup);
        assertThat(result.exitCode()).as(setup + "\n" + result.output()).isZero();
      }

      int port = freePort();
      Map<String, String> serverEnv = new LinkedHashMap<>(env);
      serverEnv.put(portVariable, Integer.toString(port));
      server =
          Shell.start(
              projectDir, serverEnv, blocks.get(blocks.size() - 2), dir.resolve("server.log"));
      String base = "http://localhost:" + port;
      server.awaitHealthy(
          "http://127.0.0.1:" + port + healthPath, Duration.ofSeconds(startSeconds));

      String tryIt = blocks.get(blocks.size() - 1);
      assertThat(tryIt).contains(readmeBase);
      Shell.Result tried =
          Shell.bash(projectDir, env, Duration.ofMinutes(1), tryIt.replace(readmeBase, base));

      assertThat(tried.exitCode()).as(tried.output()).isZero();
      assertThat(tried.output())
          .as(tried.output())
          .contains("me@example.com")
          .containsPattern("\"items\" ?:");
    } finally {
      if (server != null) {
        server.stop();
      }
      database.drop(name);
    }
  }

  private static List<String> quickStartBlocks(String readme) {
    Matcher section = QUICK_START.matcher(readme);
    assertThat(section.find()).as("README has a Quick start section").isTrue();
    List<String> blocks = new ArrayList<>();
    Matcher block = SHELL_BLOCK.matcher(section.group(1));
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  /** A bare Debian shell environment, with the sudo stand-in first on the PATH. */
  private static Map<String, String> bareEnvironment(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("stand-ins"));
    Path sudo = bin.resolve("sudo");
    if (!Files.exists(sudo)) {
      Files.writeString(sudo, SUDO);
      Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", bin + ":" + BARE_PATH);
    env.put("HOME", System.getProperty("user.home"));
    env.put("LANG", "C.UTF-8");
    env.put("TMPDIR", System.getProperty("java.io.tmpdir"));
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null) {
      env.put("JAVA_HOME", javaHome);
    }
    return env;
  }

  /**
   * library.json, on {@code stack} and {@code database}, named after {@code $BACKFORGE_TEST_DB} so
   * that its database and role keep apart from other checkouts'.
   */
  private static ProjectSpec spec(String stack, String database) {
    return spec(stack, database, defaultName(stack));
  }

  private static String defaultName(String stack) {
    return (System.getenv().getOrDefault("BACKFORGE_TEST_DB", "backforge_test")
            + "-readme-"
            + stack)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-");
  }

  /** library.json named {@code name}, on {@code stack} and {@code database}. */
  private static ProjectSpec spec(String stack, String database, String name) {
    String json;
    try (InputStream in =
        GeneratedReadmeIntegrationTests.class.getResourceAsStream("/specs/library.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json =
        json.replaceFirst("\"name\"\\s*:\\s*\"library-service\"", "\"name\": \"" + name + "\"")
            .replaceFirst("\"stack\"\\s*:\\s*\"[a-z-]+\"", "\"stack\": \"" + stack + "\"")
            .replaceFirst("\"database\"\\s*:\\s*\"[a-z]+\"", "\"database\": \"" + database + "\"");
    ValidationResult result = new SpecValidator().validate(json.getBytes(StandardCharsets.UTF_8));
    assertThat(result.valid()).as(result.errors().toString()).isTrue();
    return result.spec();
  }

  /**
   * A database server here, as the README's commands leave it: a database and its owner, both named
   * after the project.
   *
   * @param spec the spec's name of the database
   * @param url the JDBC URL of the server, as its superuser (no password here)
   * @param user the superuser
   * @param drops the statements that remove the database and its owner, {@code %s} their name
   */
  private record DatabaseServer(String spec, String url, String user, List<String> drops) {

    boolean reachable() {
      try (Connection c = DriverManager.getConnection(url, user, "")) {
        return c.isValid(5);
      } catch (SQLException e) {
        return false;
      }
    }

    void drop(String name) throws SQLException {
      assertThat(name).matches("[a-z0-9_]+");
      try (Connection c = DriverManager.getConnection(url, user, "");
          Statement statement = c.createStatement()) {
        for (String drop : drops) {
          statement.execute(drop.formatted(name));
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Runs bash scripts and programs with a given environment only. */
  private static final class Shell {

    record Result(int exitCode, String output) {}

    /** A script running in the background in its own process group. */
    record Server(Process process, Path log) {

      void awaitHealthy(String url, Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
          if (!process.isAlive()) {
            throw new AssertionError("the run command exited:\n" + Files.readString(log));
          }
          try {
            HttpRequest request =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            if (http.send(request, BodyHandlers.discarding()).statusCode() == 200) {
              return;
            }
          } catch (IOException notYet) {
            // not listening yet
          }
          Thread.sleep(500);
        }
        throw new AssertionError(
            "no answer at " + url + " within " + limit + ":\n" + Files.readString(log));
      }

      void stop() throws Exception {
        long group = process.pid();
        new ProcessBuilder("kill", "-TERM", "--", "-" + group).start().waitFor();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          new ProcessBuilder("kill", "-KILL", "--", "-" + group).start().waitFor();
          process.waitFor(10, TimeUnit.SECONDS);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
      }
    }

    static Result bash(Path dir, Map<String, String> env, Duration limit, String script)
        throws Exception {
      return run(dir, env, limit, "/bin/bash", "-e", "-o", "pipefail", "-c", script);
    }

    static Server start(Path dir, Map<String, String> env, String script, Path log)
        throws IOException {
      ProcessBuilder builder =
          new ProcessBuilder("setsid", "/bin/bash", "-e", "-c", script)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(env);
      return new Server(builder.start(), log);
    }

    static Result run(Path dir, Map<String, String> env, Duration limit, String... command)
        throws Exception {
      Path log = Files.createTempFile(dir, "shell", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      String output = Files.readString(log);
      Files.delete(log);
      return new Result(finished ? process.exitValue() : -1, output);
    }
  }
}
