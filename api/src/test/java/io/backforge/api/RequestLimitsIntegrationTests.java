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
import java.util.List;
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

  @ParameterizedTest
  @ValueSource(strings = {"/api/specs/validate", "/api/projects", "/api/specs/draft"})
  void aBodyThatDoesNotSayItIsJsonIs415AndStoresNothing(String path) throws Exception {
    byte[] spec = ProjectApiIntegrationTests.spec("library.json");
    long projects = projects();

    HttpResponse<String> untyped = post(path, null, HttpRequest.BodyPublishers.ofByteArray(spec));
    HttpResponse<String> emptyMultipart =
        post(
            path,
            "multipart/form-data; boundary=xyz",
            HttpRequest.BodyPublishers.ofString("not multipart at all"));
    HttpResponse<String> noBoundary =
        post(path, "multipart/form-data", HttpRequest.BodyPublishers.noBody());

    for (HttpResponse<String> response : List.of(untyped, emptyMultipart, noBoundary)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
      assertThat(ApiClient.json(response.body()).get("type").asString())
          .isEqualTo("/problems/unsupported-media-type");
    }
    assertThat(projects()).isEqualTo(projects);
  }

  private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    return post(path, "application/json", body);
  }

  private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + tokens.forSubject("limits"))
            .POST(body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long projects() {
    return jdbc.sql("SELECT count(*) FROM projects").query(Long.class).single();
  }
}
