package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Size and depth limits hold before anything is parsed, whether the body says its length or not.
 */
class RequestLimitsIntegrationTests extends IntegrationTest {

  private static final int TOO_LARGE = 256 * 1024 + 1;

  @LocalServerPort int port;
  @Autowired TestTokens tokens;
  @Autowired JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ParameterizedTest
  @ValueSource(strings = {"/api/specs/validate", "/api/projects", "/api/specs/draft"})
  void aBodyOverTheLimitIs413WithOrWithoutAContentLength(String path) throws Exception {
    byte[] body =
        ("{\"prompt\":\"" + "x".repeat(TOO_LARGE) + "\"}").getBytes(StandardCharsets.UTF_8);
    long projects = projects();

    HttpResponse<String> sized = post(path, HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> chunked =
        post(path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    for (HttpResponse<String> response : new HttpResponse[] {sized, chunked}) {
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(ApiClient.json(response.body()).get("type").asString())
          .isEqualTo("/problems/too-large");
    }
    assertThat(projects()).isEqualTo(projects);
  }

  @Test
  void aSpecNestedDeeperThanTheLimitIs400WithOneProblemAtTheDocument() throws Exception {
    String deep = "[".repeat(40) + "]".repeat(40);
    byte[] body =
        ("{\"name\":\"deep\",\"entities\":" + deep + "}").getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response =
        post("/api/specs/validate", HttpRequest.BodyPublishers.ofByteArray(body));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode errors = ApiClient.json(response.body()).get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("pointer").asString()).isEmpty();
    assertThat(errors.get(0).get("message").asString()).contains("16 levels");
  }

  @Test
  void aDraftThatIsNotJsonIs400() throws Exception {
    HttpResponse<String> response =
        post("/api/specs/draft", HttpRequest.BodyPublishers.ofString("{\"prompt\": "));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(response.body()).get("type").asString())
        .isEqualTo("/problems/bad-request");
  }

  private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + tokens.forSubject("limits"))
            .header("Content-Type", "application/json")
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long projects() {
    return jdbc.sql("SELECT count(*) FROM projects").query(Long.class).single();
  }
}
