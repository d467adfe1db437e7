package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@TestPropertySource(
    properties = {
      "backforge.rate-limit.submissions-per-minute=1",
      "backforge.rate-limit.submission-burst=2",
      "backforge.rate-limit.drafts-per-minute=1",
      "backforge.rate-limit.draft-burst=1"
    })
@AutoConfigureMockMvc
class RateLimitIntegrationTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired TestTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  ApiClient api;
  byte[] spec;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
    spec = ProjectApiIntegrationTests.spec("library.json");
  }

  @Test
  void aSubmissionBeyondTheBurstIs429WithRetryAfterAndStoresAndStartsNothing() {
    String token = tokens.forSubject("limited-alice");
    assertThat(api.postJson("/api/projects", token, spec).statusCode()).isEqualTo(202);
    assertThat(api.postJson("/api/projects", token, spec).statusCode()).isEqualTo(202);
    long allProjects = allProjects();

    HttpResponse<String> limited = api.postJson("/api/projects", token, spec);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    JsonNode problem = ApiClient.json(limited.body());
    assertThat(problem.get("type").asString()).isEqualTo("/problems/rate-limited");
    assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
    assertThat(projectsOf("limited-alice")).isEqualTo(2);
    assertThat(allProjects()).isEqualTo(allProjects);
  }

  @Test
  void anotherUserIsNotAffectedByOneUsersLimit() {
    String bob = tokens.forSubject("limited-bob");
    for (int i = 0; i < 3; i++) {
      api.postJson("/api/projects", bob, spec);
    }
    assertThat(api.postJson("/api/projects", bob, spec).statusCode()).isEqualTo(429);

    HttpResponse<String> carol =
        api.postJson("/api/projects", tokens.forSubject("limited-carol"), spec);

    assertThat(carol.statusCode()).isEqualTo(202);
  }

  @Test
  void replayingAnIdempotencyKeyThatCreatedAProjectDoesNotCount() {
    String token = tokens.forSubject("limited-dave");
    HttpResponse<String> first = api.postJson("/api/projects", token, spec, "retry-me");
    assertThat(api.postJson("/api/projects", token, spec).statusCode()).isEqualTo(202);

    HttpResponse<String> replay = api.postJson("/api/projects", token, spec, "retry-me");
    HttpResponse<String> fresh = api.postJson("/api/projects", token, spec, "another-key");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(replay.body()).get("id").asString())
        .isEqualTo(ApiClient.json(first.body()).get("id").asString());
    assertThat(fresh.statusCode()).isEqualTo(429);
    assertThat(projectsOf("limited-dave")).isEqualTo(2);
  }

  @Test
  void revisionsShareTheSubmissionBudgetAndALimitedOneStoresNothing() {
    String token = tokens.forSubject("limited-grace");
    String parent =
        ApiClient.json(api.postJson("/api/projects", token, spec).body()).get("id").asString();
    String revisions = "/api/projects/" + parent + "/revisions";
    assertThat(api.postJson(revisions, token, spec, "revision-once").statusCode()).isEqualTo(202);

    HttpResponse<String> limited = api.postJson(revisions, token, spec);
    HttpResponse<String> replay = api.postJson(revisions, token, spec, "revision-once");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(ApiClient.json(limited.body()).get("type").asString())
        .isEqualTo("/problems/rate-limited");
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(projectsOf("limited-grace")).isEqualTo(2);
  }

  @Test
  void draftsHaveTheirOwnLimitAnsweredBeforeTheModelIsAsked() {
    String token = tokens.forSubject("limited-erin");
    byte[] prompt = "{\"prompt\":\"a library\"}".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> first = api.postJson("/api/specs/draft", token, prompt);
    HttpResponse<String> second = api.postJson("/api/specs/draft", token, prompt);

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).isPresent();
    assertThat(ApiClient.json(second.body()).get("type").asString())
        .isEqualTo("/problems/rate-limited");
    assertThat(api.postJson("/api/projects", token, spec).statusCode()).isEqualTo(202);
  }

  @Test
  void thePagesGenerateButtonSharesTheSubmissionBudgetAndAnswersAnErrorPage() throws Exception {
    String token = tokens.forSubject("limited-frank");
    assertThat(api.postJson("/api/projects", token, spec).statusCode()).isEqualTo(202);
    var page = oidcLogin().idToken(id -> id.subject("limited-frank"));

    int first =
        mvc.perform(post("/wizard/generate").with(page).with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();
    var limited =
        mvc.perform(post("/wizard/generate").with(page).with(csrf())).andReturn().getResponse();

    assertThat(first).isNotEqualTo(429);
    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getContentType()).startsWith("text/html");
    assertThat(limited.getContentAsString()).contains("Too many project submissions");
  }

  private long projectsOf(String owner) {
    return jdbc.sql("SELECT count(*) FROM projects WHERE owner = ?")
        .param(owner)
        .query(Long.class)
        .single();
  }

  private long allProjects() {
    return jdbc.sql("SELECT count(*) FROM projects").query(Long.class).single();
  }
}
