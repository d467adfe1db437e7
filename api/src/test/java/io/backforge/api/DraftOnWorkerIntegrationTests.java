package io.backforge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.backforge.activities.ai.LanguageModel;
import io.backforge.api.temporal.EmbeddedTemporal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A draft runs on a worker, not in the web request: a {@code web} context without a language model
 * (it hosts the embedded Temporal server, as the platform's first process does) and a {@code
 * worker} context whose model is a local server speaking OpenAI's API (WireMock), the real
 * langchain4j client talking to it. The web process answers the worker's draft.
 */
class DraftOnWorkerIntegrationTests {

  @Test
  void aWebProcessWithoutAModelAnswersTheDraftOfAWorkerThatHasOne() throws Exception {
    int temporalPort = IntegrationTest.freePort();
    WireMockServer model = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    model.start();
    try (ConfigurableApplicationContext web = start("web", temporalPort)) {
      web.getBean(EmbeddedTemporal.class).ready().get(60, TimeUnit.SECONDS);
      try (ConfigurableApplicationContext worker =
          start(
              "worker",
              temporalPort,
              "--backforge.ai.provider=openai",
              "--backforge.ai.base-url=" + model.baseUrl() + "/v1",
              "--backforge.ai.api-key=test-key",
              "--backforge.ai.model=gpt-test",
              "--backforge.ai.timeout=5s")) {
        AiIntegrationTests.answer(
            model,
            """
            {"name":"library-service","description":"Books and authors.","database":"sqlite",
             "entities":[
              {"name":"Author","description":"Writes books.","relations":[],
               "fields":[{"name":"name","type":"string","required":true,"unique":false,
                          "maxLength":120,"values":[],"description":"Full name."}]}]}
            """);
        ApiClient api = new ApiClient(port(web));
        String token = api.devToken("dev-client", "dev-secret");
        JdbcClient jdbc = web.getBean(JdbcClient.class);
        long before =
            jdbc.sql("SELECT coalesce(max(id), 0) FROM ai_usage").query(Long.class).single();

        HttpResponse<String> response =
            api.postJson(
                "/api/specs/draft",
                token,
                "{\"prompt\":\"a library with authors\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(web.getBean(LanguageModel.class).configured()).isFalse();
        assertThat(worker.getBean(LanguageModel.class).configured()).isTrue();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode draft = ApiClient.json(response.body());
        assertThat(draft.get("valid").asBoolean()).as(response.body()).isTrue();
        assertThat(draft.get("spec").get("name").asString()).isEqualTo("library-service");
        assertThat(draft.get("usage").get("totalTokens").asInt()).isEqualTo(200);
        model.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        List<Map<String, Object>> usage =
            jdbc.sql("SELECT purpose, model, requests FROM ai_usage WHERE id > :before")
                .param("before", before)
                .query()
                .listOfRows();
        assertThat(usage)
            .containsExactly(Map.of("purpose", "draft", "model", "openai/gpt-test", "requests", 1));
      }
    } finally {
      model.stop();
    }
  }

  /** A context in one role in this JVM; command-line arguments, as the jar would get. */
  private static ConfigurableApplicationContext start(
      String role, int temporalPort, String... more) {
    List<String> arguments =
        new java.util.ArrayList<>(
            List.of(
                "--backforge.roles=" + role,
                "--backforge.temporal.target=localhost:" + temporalPort,
                "--server.port=0"));
    arguments.addAll(List.of(more));
    return new SpringApplicationBuilder(BackforgeApplication.class)
        .web(role.equals("web") ? WebApplicationType.SERVLET : WebApplicationType.NONE)
        .profiles("dev", "test")
        .run(arguments.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext web) {
    return Integer.parseInt(web.getEnvironment().getRequiredProperty("local.server.port"));
  }
}
