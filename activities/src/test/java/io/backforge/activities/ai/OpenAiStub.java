package io.backforge.activities.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;

/**
 * A local HTTP server that speaks OpenAI's chat completions API (WireMock), standing in for the
 * paid model. The real langchain4j client talks to it over HTTP.
 */
public final class OpenAiStub implements AutoCloseable {

  /** The path langchain4j posts to under the base URL {@code .../v1}. */
  public static final String PATH = "/v1/chat/completions";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer server;

  /** Starts a stub on a free port. */
  public OpenAiStub() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
  }

  /** The server, for stubbing and verifying. */
  public WireMockServer server() {
    return server;
  }

  /** Model settings that point at this stub. */
  public AiProperties properties(Duration timeout) {
    return AiProperties.openAi(server.baseUrl() + "/v1", "test-key", "gpt-test", timeout);
  }

  /** Every call answers {@code content} as the assistant's message. */
  public void answer(String content) {
    server.stubFor(post(urlEqualTo(PATH)).willReturn(completion(content)));
  }

  /** The first call gets {@code first}, every later one answers {@code content}. */
  public void firstThenAnswer(ResponseDefinitionBuilder first, String content) {
    server.stubFor(scenario(Scenario.STARTED).willSetStateTo("answered").willReturn(first));
    server.stubFor(scenario("answered").willReturn(completion(content)));
  }

  /** Every call gets {@code response}. */
  public void respond(ResponseDefinitionBuilder response) {
    server.stubFor(post(urlEqualTo(PATH)).willReturn(response));
  }

  /** How many chat completions were requested. */
  public int calls() {
    return server
        .countRequestsMatching(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(PATH))
                .build())
        .getCount();
  }

  /** A chat completion answering {@code content}, 120 tokens in and 80 out. */
  public static ResponseDefinitionBuilder completion(String content) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-test");
    body.put("object", "chat.completion");
    body.put("created", 1_700_000_000L);
    body.put("model", "gpt-test");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    body.putObject("usage")
        .put("prompt_tokens", 120)
        .put("completion_tokens", 80)
        .put("total_tokens", 200);
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }

  /** An OpenAI-style error answer. */
  public static ResponseDefinitionBuilder error(int status, String type) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"" + type + "\",\"type\":\"" + type + "\"}}");
  }

  /** {@code value} as JSON text. */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ScenarioMappingBuilder scenario(String state) {
    return post(urlEqualTo(PATH)).inScenario("calls").whenScenarioStateIs(state);
  }

  @Override
  public void close() {
    server.stop();
  }
}
