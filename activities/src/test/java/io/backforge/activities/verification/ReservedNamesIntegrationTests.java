package io.backforge.activities.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A project made only of names that Python, Java or SQL reserve ({@code reserved-names.json} of the
 * templates' specs: fields {@code from}, {@code group}, {@code default}, {@code metadata}, {@code
 * hashCode}; entities {@code Order}, {@code Group}, {@code Value}, {@code None}; relations {@code
 * from}, {@code class}, {@code return}), generated for every stack and database, started as its
 * README says against the real database server here (a throwaway database, created and dropped) and
 * driven through every operation of its own OpenAPI document by the contract probe of the verify
 * step: every create, read, replace, patch, list, related list, constraint violation, 404 and
 * delete answers what the document says, none answers 5xx.
 */
class ReservedNamesIntegrationTests {

  private static final Path SPEC =
      Path.of("..", "templates", "src", "test", "resources", "specs", "reserved-names.json");
  private static final String PYTHON = "/usr/bin/python3";
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "flask, sqlite",
    "flask, postgresql",
    "flask, mysql",
    "spring-boot, postgresql",
    "spring-boot, mysql"
  })
  void everyOperationAnswersWhatItsDocumentSays(String stack, String database, @TempDir Path dir)
      throws Exception {
    ProjectSpec spec = spec(stack, database);
    GeneratedProject project = new ProjectGenerator().generate(spec);
    project.writeTo(dir);
    String name = "bf_reserved_" + stack.replace('-', '_') + "_" + database;
    createDatabase(database, name);
    int port = freePort();
    Process app = null;
    try {
      app =
          stack.equals("flask")
              ? startFlask(dir, database, name, port)
              : startSpring(dir, database, name, port);
      String documentPath =
          stack.equals("flask") ? "app/openapi.json" : "src/main/resources/openapi.json";
      String document = Files.readString(dir.resolve(documentPath));
      String base = "http://127.0.0.1:" + port;
      awaitAnswer(app, base + (stack.equals("flask") ? "/openapi.json" : "/v3/api-docs"), dir);

      ContractProbe.Outcome outcome =
          new ContractProbe(spec, document).run(request -> send(base, request));

      assertThat(outcome.violations()).as(log(dir)).isEmpty();
      assertThat(outcome.unexercised()).isEmpty();
      assertThat(outcome.checked()).isGreaterThan(8 * 10);
    } finally {
      stop(app);
      dropDatabase(database, name);
    }
  }

  private static ProjectSpec spec(String stack, String database) throws IOException {
    String json =
        Files.readString(SPEC)
            .replaceFirst("\"stack\"\\s*:\\s*\"[a-z-]+\"", "\"stack\": \"" + stack + "\"")
            .replaceFirst("\"database\"\\s*:\\s*\"[a-z]+\"", "\"database\": \"" + database + "\"");
    ValidationResult result = new SpecValidator().validate(json.getBytes(StandardCharsets.UTF_8));
    assertThat(result.errors()).isEmpty();
    return result.spec();
  }

  private Process startFlask(Path dir, String database, String name, int port) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put(
        "DATABASE_URL",
        switch (database) {
          case "postgresql" -> "postgresql+psycopg2://postgres@127.0.0.1:5432/" + name;
          case "mysql" -> "mysql+pymysql://root@127.0.0.1:3306/" + name;
          default -> "sqlite:///" + dir.resolve(name + ".db");
        });
    env.put("JWT_SECRET_KEY", "reserved-names-test-secret-0123456789abcdef0123456789");
    run(dir, env, 120, PYTHON, "-m", "flask", "--app", "wsgi", "db", "upgrade");
    return start(dir, env, PYTHON, "-m", "flask", "--app", "wsgi", "run", "--port", "" + port);
  }

  private Process startSpring(Path dir, String database, String name, int port) throws Exception {
    run(dir, Map.of(), 600, "mvn", "-o", "-B", "-q", "package", "-DskipTests");
    Path jar;
    try (var files = Files.list(dir.resolve("target"))) {
      jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "" + port);
    switch (database) {
      case "postgresql" -> {
        env.put("DATABASE_URL", PG + name);
        env.put("DATABASE_USER", "postgres");
      }
      case "mysql" -> {
        env.put("DATABASE_URL", "jdbc:mysql://127.0.0.1:3306/" + name);
        env.put("DATABASE_USER", "root");
      }
      default -> env.put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("data").resolve(name));
    }
    assertRefusesToStartWithoutASigningKey(dir, env, jar);
    env.put("JWT_SECRET", "reserved-names-test-secret-0123456789abcdef0123456789");
    return start(dir, env, "java", "-jar", jar.toString());
  }

  /** Without {@code JWT_SECRET} the app stops at start-up and says what to set. */
  private static void assertRefusesToStartWithoutASigningKey(
      Path dir, Map<String, String> env, Path jar) throws Exception {
    Process refused = start(dir, env, "java", "-jar", jar.toString());
    assertThat(refused.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(refused.exitValue()).isNotZero();
    assertThat(log(dir)).contains("JWT_SECRET is not set");
  }

  private static void createDatabase(String database, String name) throws SQLException {
    dropDatabase(database, name);
    switch (database) {
      case "postgresql" -> execute(PG + "postgres", "postgres", "CREATE DATABASE " + name);
      case "mysql" ->
          execute(
              MARIADB,
              "root",
              "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      default -> {}
    }
  }

  private static void dropDatabase(String database, String name) throws SQLException {
    switch (database) {
      case "postgresql" ->
          execute(PG + "postgres", "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      case "mysql" -> execute(MARIADB, "root", "DROP DATABASE IF EXISTS " + name);
      default -> {}
    }
  }

  private static void execute(String url, String user, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private LiveApp.Response send(String base, LiveApp.Request request) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + request.target()))
            .timeout(Duration.ofSeconds(30))
            .method(
                request.method(),
                request.body() == null || request.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (header, value) -> {
              if (!RESTRICTED.contains(header.toLowerCase(Locale.ROOT))) {
                builder.header(header, value);
              }
            });
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new HashMap<>();
      response
          .headers()
          .map()
          .forEach((header, values) -> headers.put(header.toLowerCase(Locale.ROOT), values.get(0)));
      return new LiveApp.Response(response.statusCode(), headers, response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private void awaitAnswer(Process app, String url, Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      assertThat(app.isAlive()).as("the app stopped: %s", log(dir)).isTrue();
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no answer from " + url + ": " + log(dir));
  }

  private static Process start(Path dir, Map<String, String> env, String... command)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("app.log").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void run(Path dir, Map<String, String> env, int seconds, String... command)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("build.log").toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
    if (!done) {
      process.destroyForcibly();
    }
    assertThat(done && process.exitValue() == 0)
        .as("%s: %s", List.of(command), Files.readString(dir.resolve("build.log")))
        .isTrue();
  }

  private static void stop(Process app) throws InterruptedException {
    if (app == null) {
      return;
    }
    app.descendants().forEach(ProcessHandle::destroy);
    app.destroy();
    if (!app.waitFor(20, TimeUnit.SECONDS)) {
      app.descendants().forEach(ProcessHandle::destroyForcibly);
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String log(Path dir) {
    try {
      String log = Files.readString(dir.resolve("app.log"));
      return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
