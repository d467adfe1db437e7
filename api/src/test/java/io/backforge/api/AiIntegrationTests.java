package io.backforge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application with a language model configured: a local server speaking OpenAI's API (WireMock)
 * stands in for the paid model; the real langchain4j client talks to it.
 */
class AiIntegrationTests extends IntegrationTest {

  static final WireMockServer MODEL =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  static final JsonMapper JSON = JsonMapper.builder().build();

  static {
    MODEL.start();
  }

  @DynamicPropertySource
  static void modelOnTheLocalServer(DynamicPropertyRegistry registry) {
    registry.add("backforge.ai.provider", () -> "openai");
    registry.add("backforge.ai.base-url", () -> MODEL.baseUrl() + "/v1");
    registry.add("backforge.ai.api-key", () -> "test-key");
    registry.add("backforge.ai.model", () -> "gpt-test");
    registry.add("backforge.ai.timeout", () -> "5s");
  }

  @AfterAll
  static void stopModel() {
    MODEL.stop();
  }

  @LocalServerPort int port;
  @Autowired TestTokens tokens;
  ApiClient api;

  @BeforeEach
  void reset() {
    MODEL.resetAll();
    api = new ApiClient(port);
  }

  @Test
  void aDraftFromWordsIsAValidatedSpec() {
    answer(
        """
        {"name":"library-service","description":"Books, authors and loans.","database":"sqlite",
         "entities":[
          {"name":"Author","description":"Writes books.","relations":[],
           "fields":[{"name":"name","type":"string","required":true,"unique":false,"maxLength":120,
                      "values":[],"description":"Full name."}]},
          {"name":"Book","description":"A title.",
           "fields":[{"name":"title","type":"string","required":true,"unique":false,"maxLength":200,
                      "values":[],"description":"Title."},
                     {"name":"status","type":"enum","required":false,"unique":false,"maxLength":0,
                      "values":["ON_SHELF","LOANED"],"description":"Where it is."}],
           "relations":[{"name":"author","kind":"many-to-one","target":"Author","required":true}]}]}
        """);

    HttpResponse<String> response = draft("a library with books, authors and loans");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode draft = ApiClient.json(response.body());
    assertThat(draft.get("valid").asBoolean()).isTrue();
    assertThat(draft.get("errors").size()).isZero();
    assertThat(draft.get("spec").get("name").asString()).isEqualTo("library-service");
    assertThat(draft.get("spec").get("entities").get(1).get("fields").get(1).get("values").size())
        .isEqualTo(2);
    assertThat(draft.get("usage").get("totalTokens").asInt()).isEqualTo(200);
    HttpResponse<String> validated =
        api.postJson(
            "/api/specs/validate",
            tokens.forSubject("writer"),
            draft.get("spec").toString().getBytes(StandardCharsets.UTF_8));
    assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
  }

  @Test
  void aDraftThatBreaksTheRulesListsTheValidatorsErrors() {
    answer(
        """
        {"name":"Library Service","description":"x","database":"oracle",
         "entities":[{"name":"book","description":"x","relations":[],
           "fields":[{"name":"id","type":"money","required":false,"unique":false,"maxLength":0,
                      "values":[],"description":"x"}]}]}
        """);

    HttpResponse<String> response = draft("a library");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode draft = ApiClient.json(response.body());
    assertThat(draft.get("valid").asBoolean()).isFalse();
    List<String> pointers = new ArrayList<>();
    draft.get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
    assertThat(pointers)
        .contains(
            "/name",
            "/database",
            "/entities/0/name",
            "/entities/0/fields/0/name",
            "/entities/0/fields/0/type");
  }

  @Test
  void aModelThatRejectsTheKeyIsAnswered502WithoutTheKey() {
    MODEL.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"bad key test-key\"}}")));

    HttpResponse<String> response = draft("a library");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(ApiClient.json(response.body()).get("type").asString())
        .isEqualTo("/problems/ai-failed");
    assertThat(response.body()).contains("credentials").doesNotContain("test-key");
  }

  @Test
  void anEmptyPromptIsABadRequest() {
    assertThat(draft(" ").statusCode()).isEqualTo(400);
  }

  @Test
  void anEnrichedProjectShowsItsTokenUsage() throws Exception {
    answer(
        """
        {"overview":"Libraries lend books to readers.","entities":[
          {"entity":"Author","description":"A person who writes books.",
           "fields":[{"field":"name","description":"Full name."}],
           "sampleRows":[{"values":[{"field":"name","value":"Astrid Lindgren"}]}]},
          {"entity":"Book","description":"A title the library holds.","fields":[],
           "sampleRows":[{"values":[{"field":"title","value":"Pippi"},{"field":"author","value":"0"}]}]}]}
        """);
    String token = tokens.forSubject("enricher");
    String spec =
        new String(ProjectApiIntegrationTests.spec("library.json"), StandardCharsets.UTF_8)
            .replace("\"ai\": { \"enrich\": false }", "\"ai\": { \"enrich\": true }");

    HttpResponse<String> submitted =
        api.postJson("/api/projects", token, spec.getBytes(StandardCharsets.UTF_8));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = ApiClient.json(submitted.body()).get("id").asString();
    JsonNode done = api.awaitEnd(id, token);

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("steps").get(3).get("state").asString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("warnings").size()).isZero();
    JsonNode usage = done.get("aiUsage");
    assertThat(usage.get("requests").asInt()).isEqualTo(1);
    assertThat(usage.get("inputTokens").asInt()).isEqualTo(120);
    assertThat(usage.get("outputTokens").asInt()).isEqualTo(80);
    assertThat(usage.get("totalTokens").asInt()).isEqualTo(200);
  }

  private HttpResponse<String> draft(String prompt) {
    ObjectNode body = JSON.createObjectNode().put("prompt", prompt);
    return api.postJson(
        "/api/specs/draft",
        tokens.forSubject("writer"),
        body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void answer(String content) {
    answer(MODEL, content);
  }

  /** Every chat completion {@code model} is asked answers {@code content}, 120 + 80 tokens. */
  static void answer(WireMockServer model, String content) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", "gpt-test");
    body.put("created", 1_700_000_000L);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    body.putObject("usage")
        .put("prompt_tokens", 120)
        .put("completion_tokens", 80)
        .put("total_tokens", 200);
    model.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body.toString())));
  }
}
