package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.store.ProjectStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/projects/{id}?wait=N}: one request that answers when the project has ended. */
class ProjectWaitIntegrationTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProjectStore projects;
  @Autowired DataSource dataSource;

  ApiClient api;
  String token;
  String owner;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
    token = api.devToken("dev-client", "dev-secret");
    owner = subjectOf(token);
  }

  @Test
  void oneWaitingRequestAnswersTheEndedProject() {
    HttpResponse<String> submitted =
        api.postJson("/api/projects", token, withoutVerification("library.json"));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = ApiClient.json(submitted.body()).get("id").asString();

    HttpResponse<String> answer = api.get("/api/projects/" + id + "?wait=60", token);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode project = ApiClient.json(answer.body());
    assertThat(project.get("status").asString()).as(answer.body()).isEqualTo("SUCCEEDED");
    assertThat(project.get("artifact")).isNotNull();
  }

  @Test
  void aWaitingRequestWakesWhenAnyProcessEndsTheProject() throws Exception {
    UUID id = UUID.randomUUID();
    projects.create(id, owner, "waiting", "flask", new String(spec("library.json")));

    CompletableFuture<HttpResponse<String>> answer =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/projects/" + id + "?wait=60"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    TimeUnit.MILLISECONDS.sleep(500);
    assertThat(answer).isNotDone();

    projects.markFailed(id, "ended by another process");

    HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode project = ApiClient.json(response.body());
    assertThat(project.get("status").asString()).isEqualTo("FAILED");
    assertThat(project.get("error").asString()).isEqualTo("ended by another process");
  }

  @Test
  void theDatabaseAnnouncesEveryEndOfAProject() throws Exception {
    UUID running = UUID.randomUUID();
    UUID queued = UUID.randomUUID();
    projects.create(running, owner, "announced", "flask", new String(spec("library.json")));
    projects.create(queued, owner, "quiet", "flask", new String(spec("library.json")));
    projects.markRunning(running);
    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("LISTEN backforge_project_ended");
      }
      PGConnection pg = connection.unwrap(PGConnection.class);

      projects.markRunning(queued);
      projects.markFailed(running, "stopped");

      PGNotification[] notifications = pg.getNotifications(10_000);
      assertThat(notifications).isNotNull();
      assertThat(Arrays.stream(notifications).map(PGNotification::getParameter))
          .containsExactly(running.toString());
    }
  }

  @Test
  void aWaitThatRunsOutAnswersTheStatusAsItIs() {
    UUID id = UUID.randomUUID();
    projects.create(id, owner, "still-queued", "flask", new String(spec("library.json")));

    HttpResponse<String> answer = api.get("/api/projects/" + id + "?wait=1", token);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(answer.body()).get("status").asString()).isEqualTo("QUEUED");
  }

  @Test
  void waitsOutsideTheAllowedRangeAreBadRequests() {
    UUID id = UUID.randomUUID();
    projects.create(id, owner, "range", "flask", new String(spec("library.json")));

    for (String wait : new String[] {"61", "-1"}) {
      HttpResponse<String> answer = api.get("/api/projects/" + id + "?wait=" + wait, token);
      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(ApiClient.json(answer.body()).get("detail").asString()).contains("wait");
    }
  }

  @Test
  void anotherOwnersProjectIsNotFoundEvenWhenWaiting() {
    UUID id = UUID.randomUUID();
    projects.create(id, "someone-else", "foreign", "flask", new String(spec("library.json")));

    HttpResponse<String> answer = api.get("/api/projects/" + id + "?wait=5", token);

    assertThat(answer.statusCode()).isEqualTo(404);
  }

  private static String subjectOf(String jwt) {
    byte[] claims = java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
    return ApiClient.json(new String(claims, StandardCharsets.UTF_8)).get("sub").asString();
  }

  private static byte[] spec(String name) {
    return ProjectApiIntegrationTests.spec(name);
  }

  private static byte[] withoutVerification(String name) {
    String json = new String(spec(name), StandardCharsets.UTF_8).strip();
    return (json.substring(0, json.length() - 1) + ", \"verify\": false }")
        .getBytes(StandardCharsets.UTF_8);
  }
}
