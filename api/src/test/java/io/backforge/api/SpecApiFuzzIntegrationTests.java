package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.spec.JsonMutations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fuzzes the spec endpoints over real HTTP with documents drawn from jqwik's generators (mutated
 * sample specs, random documents, damaged bytes; now and then with a wrong content type). jqwik's
 * own engine cannot run inside a Spring test context, so the test draws samples from the
 * arbitraries instead of being a {@code @Property}: no shrinking, but each failure message carries
 * the body.
 */
class SpecApiFuzzIntegrationTests extends IntegrationTest {

  private static final int DOCUMENTS = 300;

  @LocalServerPort int port;
  @Autowired TestTokens tokens;
  @Autowired JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void damagedSpecsAreAnsweredWithProblemDetailsNever500AndStoreOrStartNothing() throws Exception {
    String token = tokens.forSubject("fuzzer");
    List<byte[]> documents =
        Stream.of(
                JsonMutations.mutatedSpecs().sampleStream().limit(DOCUMENTS / 2),
                JsonMutations.randomDocuments().sampleStream().limit(DOCUMENTS / 4),
                JsonMutations.damagedBytes().sampleStream().limit(DOCUMENTS / 4))
            .flatMap(s -> s)
            .toList();
    List<String> contentTypes =
        Arbitraries.frequency(
                net.jqwik.api.Tuple.of(12, "application/json"),
                net.jqwik.api.Tuple.of(1, "text/plain"),
                net.jqwik.api.Tuple.of(1, "application/merge-patch+json"))
            .sampleStream()
            .limit(documents.size())
            .toList();
    long projectsBefore = projects();
    List<Integer> validated = new ArrayList<>();

    for (int i = 0; i < documents.size(); i++) {
      byte[] body = documents.get(i);
      String type = contentTypes.get(i);
      HttpResponse<String> validation = post("/api/specs/validate", token, body, type);
      validated.add(validation.statusCode());
      assertProblemUnless200(validation, body, type);
      if (validation.statusCode() != 200) {
        HttpResponse<String> submission = post("/api/projects", token, body, type);
        assertThat(submission.statusCode())
            .as("submission of %s", describe(body))
            .isEqualTo(validation.statusCode());
        assertProblemUnless200(submission, body, type);
      }
    }

    assertThat(projects()).isEqualTo(projectsBefore);
    assertThat(validated).contains(400, 413, 415);
  }

  private void assertProblemUnless200(HttpResponse<String> response, byte[] body, String type) {
    String what = describe(body) + " sent as " + type;
    assertThat(response.statusCode()).as(what).isIn(200, 400, 413, 415);
    if (response.statusCode() != 200) {
      assertThat(response.headers().firstValue("Content-Type"))
          .as(what)
          .hasValue("application/problem+json");
      assertThat(ApiClient.json(response.body()).get("status").asInt())
          .isEqualTo(response.statusCode());
    }
    if (type.equals("text/plain")) {
      assertThat(response.statusCode()).as(what).isEqualTo(415);
    }
  }

  private HttpResponse<String> post(String path, String token, byte[] body, String type)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String describe(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    return body.length + " bytes: " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
  }

  private long projects() {
    return jdbc.sql("SELECT count(*) FROM projects").query(Long.class).single();
  }
}
