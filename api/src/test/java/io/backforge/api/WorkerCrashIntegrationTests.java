package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.backforge.api.temporal.EmbeddedTemporal;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A worker process dies with {@code kill -9} while its projects are in their verify step, as in
 * issue 20: a web context in this JVM hosts the embedded Temporal server (as the first process of
 * the platform does), worker A is a separate JVM in the {@code worker} role, and worker B starts
 * here after the kill. Worker A's sandboxes die with it; the verify attempts it held time out on
 * their heartbeat within seconds and pass on worker B; every project ends {@code SUCCEEDED} with
 * its verification {@code PASSED} within 30 s of the kill, and this JVM (the Temporal server's)
 * logs no error.
 */
class WorkerCrashIntegrationTests {

  private static final org.slf4j.Logger log =
      LoggerFactory.getLogger(WorkerCrashIntegrationTests.class);
  private static final int PROJECTS = 3;
  private static final Duration RECOVERY = Duration.ofSeconds(30);
  private static final String DATABASE =
      "jdbc:postgresql://127.0.0.1:5432/" + IntegrationTest.testDatabase();

  @Test
  void projectsWhoseWorkerIsKilledMidVerifyPassOnAnotherWorkerWithin30SecondsAndNoErrorLogged()
      throws Exception {
    // This test may be the first of the run to use the test database: create it if it is missing.
    try (java.sql.Connection admin =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        java.sql.Statement statement = admin.createStatement();
        java.sql.ResultSet exists =
            statement.executeQuery(
                "SELECT 1 FROM pg_database WHERE datname = '"
                    + IntegrationTest.testDatabase()
                    + "'")) {
      if (!exists.next()) {
        statement.execute("CREATE DATABASE \"" + IntegrationTest.testDatabase() + "\"");
      }
    }
    Flyway.configure().dataSource(DATABASE, "postgres", "").cleanDisabled(false).load().clean();
    int temporalPort = IntegrationTest.freePort();
    byte[] spec =
        new String(ProjectApiIntegrationTests.spec("library.json"), StandardCharsets.UTF_8)
            .replaceFirst("\\{", "{\n  \"verify\": true,")
            .getBytes(StandardCharsets.UTF_8);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> errors = new ListAppender<>();
    Path workerLog = Files.createTempFile("backforge-worker-a", ".log");
    Process workerA = null;
    try (ConfigurableApplicationContext web = start("web", temporalPort)) {
      web.getBean(EmbeddedTemporal.class).ready().get(60, TimeUnit.SECONDS);
      errors.start();
      root.addAppender(errors);
      workerA = startWorkerProcess(temporalPort, workerLog);
      Process a = workerA;
      await(
          Duration.ofSeconds(90),
          () -> read(workerLog).contains("polling backforge-verify") || !a.isAlive());
      Assumptions.assumeTrue(
          read(workerLog).contains("Workers polling backforge-verify"),
          "worker A cannot verify here: " + read(workerLog));

      ApiClient api = new ApiClient(port(web));
      String token = api.devToken("dev-client", "dev-secret");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < PROJECTS; i++) {
        HttpResponse<String> submitted = api.postJson("/api/projects", token, spec);
        assertThat(submitted.statusCode()).isEqualTo(202);
        ids.add(ApiClient.json(submitted.body()).get("id").asString());
      }
      JdbcClient jdbc = web.getBean(JdbcClient.class);
      await(
          Duration.ofSeconds(60),
          () -> verifying(jdbc) == PROJECTS && sandboxes(a).size() >= PROJECTS);
      List<ProcessHandle> sandboxes = sandboxes(workerA);
      long verifyingAtKill = verifying(jdbc);

      workerA.destroyForcibly();
      long killed = System.nanoTime();
      assertThat(workerA.waitFor(10, TimeUnit.SECONDS)).isTrue();
      for (ProcessHandle sandbox : sandboxes) {
        assertThat(sandbox.onExit())
            .as("worker A's sandbox dies with it")
            .succeedsWithin(5, TimeUnit.SECONDS);
      }
      long sandboxesGone = System.nanoTime() - killed;

      try (ConfigurableApplicationContext workerB = start("worker", temporalPort)) {
        long workerBUp = System.nanoTime() - killed;
        List<JsonNode> ended = new ArrayList<>();
        for (String id : ids) {
          ended.add(api.awaitEnd(id, token));
        }
        Duration recovered = Duration.ofNanos(System.nanoTime() - killed);
        log.info(
            "Worker A killed with {} of {} projects verifying ({} sandbox processes, gone {} ms"
                + " after the kill); worker B up {} ms after the kill; all ended {} ms after the kill",
            verifyingAtKill,
            PROJECTS,
            sandboxes.size(),
            sandboxesGone / 1_000_000,
            workerBUp / 1_000_000,
            recovered.toMillis());

        assertThat(verifyingAtKill).isEqualTo(PROJECTS);
        for (JsonNode project : ended) {
          assertThat(project.get("status").asString()).isEqualTo("SUCCEEDED");
          assertThat(project.get("verification").get("state").asString()).isEqualTo("PASSED");
          assertThat(project.get("warnings").isEmpty()).as(project.toString()).isTrue();
        }
        assertThat(
                jdbc.sql("SELECT attempts FROM project_steps WHERE step = 'VERIFY'")
                    .query(Integer.class)
                    .list())
            .as("each verify ran again after the one worker A held")
            .hasSize(PROJECTS)
            .allMatch(attempts -> attempts == 2);
        assertThat(recovered).isLessThan(RECOVERY);
        assertThat(errors.list)
            .as("errors logged by this JVM, which hosts the Temporal server")
            .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
      }
    } finally {
      root.detachAppender(errors);
      if (workerA != null) {
        workerA.destroyForcibly();
      }
      Files.deleteIfExists(workerLog);
    }
  }

  /** A context in one role in this JVM; command-line arguments, as the jar would get. */
  private static ConfigurableApplicationContext start(String role, int temporalPort) {
    return new SpringApplicationBuilder(BackforgeApplication.class)
        .web(role.equals("web") ? WebApplicationType.SERVLET : WebApplicationType.NONE)
        .profiles("dev", "test")
        .run(
            "--backforge.roles=" + role,
            "--backforge.temporal.target=localhost:" + temporalPort,
            "--server.port=0");
  }

  /**
   * Worker A: the application in the {@code worker} role, a JVM of its own, its output in a file.
   */
  private static Process startWorkerProcess(int temporalPort, Path output) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null || classPath.isBlank()) {
      classPath = System.getProperty("java.class.path");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classPath,
            BackforgeApplication.class.getName(),
            "--spring.profiles.active=dev,test",
            "--spring.main.web-application-type=none",
            "--backforge.roles=worker",
            "--backforge.temporal.target=localhost:" + temporalPort)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  /** The sandboxes (bwrap processes) running under {@code worker}. */
  private static List<ProcessHandle> sandboxes(Process worker) {
    return worker
        .descendants()
        .filter(p -> p.info().command().orElse("").endsWith("/bwrap"))
        .toList();
  }

  private static long verifying(JdbcClient jdbc) {
    return jdbc.sql(
            "SELECT count(*) FROM project_steps WHERE step = 'VERIFY' AND state = 'RUNNING'")
        .query(Long.class)
        .single();
  }

  private static int port(ConfigurableApplicationContext web) {
    return Integer.parseInt(web.getEnvironment().getRequiredProperty("local.server.port"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit.toSeconds() + " s");
      }
      Thread.sleep(20);
    }
  }
}
