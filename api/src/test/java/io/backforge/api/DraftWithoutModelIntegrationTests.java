package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class DraftWithoutModelIntegrationTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired TestTokens tokens;

  @Test
  void withoutAModelADraftIsAnswered503WithHowToConfigureOne() {
    HttpResponse<String> response =
        new ApiClient(port)
            .postJson(
                "/api/specs/draft",
                tokens.forSubject("writer"),
                "{\"prompt\":\"a library with books, authors and loans\"}"
                    .getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = ApiClient.json(response.body());
    assertThat(problem.get("type").asString()).isEqualTo("/problems/ai-unavailable");
    assertThat(problem.get("detail").asString())
        .contains("BACKFORGE_AI_PROVIDER")
        .contains("BACKFORGE_AI_MODEL");
  }
}
