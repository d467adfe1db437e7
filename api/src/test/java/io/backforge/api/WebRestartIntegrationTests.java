package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.api.recovery.GenerationRecovery;
import io.temporal.testserver.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The web role restarts while generations run: the platform as separate processes would run it (a
 * Temporal server, a {@code web} context, a {@code worker} context; here in one JVM). Projects are
 * submitted, the web context stops (a graceful stop, as on SIGTERM), the worker generates them
 * while no web process is up, and a new web context starts while they finish. Every project ends
 * SUCCEEDED, none is lost or generated twice, and retried submissions find their projects.
 */
class WebRestartIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(WebRestartIntegrationTests.class);
  private static final int PROJECTS = 6;
  private static final String DATABASE =
      "jdbc:postgresql://127.0.0.1:5432/" + IntegrationTest.testDatabase();

  @Test
  void generationsSubmittedBeforeAWebRestartAllEndSucceededOnceAndRetriesFindThem()
      throws Exception {
    Flyway.configure().dataSource(DATABASE, "postgres", "").cleanDisabled(false).load().clean();
    int temporalPort = IntegrationTest.freePort();
    byte[] spec = ProjectApiIntegrationTests.spec("library.json");
    Map<String, String> idsByKey = new LinkedHashMap<>();
    try (TestServer.PortBoundTestServer temporal =
        TestServer.createPortBoundServer(temporalPort, true)) {
      try (ConfigurableApplicationContext web = start("web", temporalPort)) {
        ApiClient api = new ApiClient(port(web));
        String token = api.devToken("dev-client", "dev-secret");
        for (int i = 0; i < PROJECTS; i++) {
          HttpResponse<String> submitted =
              api.postJson("/api/projects", token, spec, "restart-" + i);
          assertThat(submitted.statusCode()).isEqualTo(202);
          idsByKey.put("restart-" + i, ApiClient.json(submitted.body()).get("id").asString());
        }
      }

      try (ConfigurableApplicationContext worker = start("worker", temporalPort)) {
        JdbcClient jdbc = worker.getBean(JdbcClient.class);
        long unfinishedAtWorkerStart = unfinished(jdbc);
        try (ConfigurableApplicationContext web = start("web", temporalPort)) {
          CompletableFuture<GenerationRecovery.Result> recovery =
              web.getBean(GenerationRecovery.class).startupRecovery();
          log.info(
              "Web restarted: {} of {} generations unfinished when the worker started, {} once the new web process was up",
              unfinishedAtWorkerStart,
              PROJECTS,
              unfinished(jdbc));
          ApiClient api = new ApiClient(port(web));
          String token = api.devToken("dev-client", "dev-secret");

          List<String> statuses = new ArrayList<>();
          for (String id : idsByKey.values()) {
            JsonNode project = api.awaitEnd(id, token);
            statuses.add(project.get("status").asString());
            assertThat(project.get("steps").findValuesAsString("state"))
                .doesNotContain("FAILED", "RUNNING", "PENDING");
            assertThat(api.getBytes("/api/projects/" + id + "/download", token).statusCode())
                .isEqualTo(200);
          }
          for (Map.Entry<String, String> submission : idsByKey.entrySet()) {
            HttpResponse<String> retried =
                api.postJson("/api/projects", token, spec, submission.getKey());
            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(ApiClient.json(retried.body()).get("id").asString())
                .isEqualTo(submission.getValue());
          }

          assertThat(statuses).hasSize(PROJECTS).containsOnly("SUCCEEDED");
          assertThat(jdbc.sql("SELECT count(*) FROM projects").query(Long.class).single())
              .isEqualTo(PROJECTS);
          assertThat(
                  jdbc.sql("SELECT count(DISTINCT artifact_hash) FROM projects")
                      .query(Long.class)
                      .single())
              .as("the same spec gives the same zip, stored once")
              .isEqualTo(1);
          assertThat(recovery.get(60, TimeUnit.SECONDS))
              .isEqualTo(new GenerationRecovery.Result(0, 0));
        }
      }
    }
  }

  /** A context in one role; command-line arguments, as the jar would get, win over the yml. */
  private static ConfigurableApplicationContext start(String role, int temporalPort) {
    return new SpringApplicationBuilder(io.backforge.api.BackforgeApplication.class)
        .web(role.equals("web") ? WebApplicationType.SERVLET : WebApplicationType.NONE)
        .profiles("dev", "test")
        .run(
            "--backforge.roles=" + role,
            "--backforge.temporal.target=localhost:" + temporalPort,
            "--server.port=0");
  }

  private static int port(ConfigurableApplicationContext web) {
    return Integer.parseInt(web.getEnvironment().getRequiredProperty("local.server.port"));
  }

  private static long unfinished(JdbcClient jdbc) {
    return jdbc.sql("SELECT count(*) FROM projects WHERE status IN ('QUEUED', 'RUNNING')")
        .query(Long.class)
        .single();
  }
}
