package io.backforge.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyIntegrationTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired TestTokens tokens;
  @Autowired JdbcClient jdbc;

  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void twentyConcurrentIdenticalSubmissionsWithOneKeyCreateExactlyOneProject() throws Exception {
    String token = tokens.forSubject("idempotent-alice");
    byte[] spec = ProjectApiIntegrationTests.spec("library.json");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(() -> api.postJson("/api/projects", token, spec, "order-42"));
    }

    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Future<HttpResponse<String>> response : pool.invokeAll(calls)) {
      responses.add(response.get());
    }
    pool.shutdown();

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 202);
    assertThat(responses.stream().filter(r -> r.statusCode() == 202)).hasSize(1);
    Set<String> ids =
        responses.stream()
            .map(r -> ApiClient.json(r.body()).get("id").asString())
            .collect(Collectors.toSet());
    assertThat(ids).hasSize(1);
    assertThat(projectsOf("idempotent-alice")).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    String token = tokens.forSubject("idempotent-bob");
    api.postJson(
        "/api/projects", token, ProjectApiIntegrationTests.spec("library.json"), "order-7");

    HttpResponse<String> reused =
        api.postJson(
            "/api/projects", token, ProjectApiIntegrationTests.spec("shop.json"), "order-7");

    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(ApiClient.json(reused.body()).get("type").asString())
        .isEqualTo("/problems/idempotency-key-reused");
    assertThat(projectsOf("idempotent-bob")).isEqualTo(1);
  }

  @Test
  void theSameSpecReserialisedUnderTheSameKeyIsTheSameRequest() throws Exception {
    String token = tokens.forSubject("idempotent-grace");
    byte[] pretty = ProjectApiIntegrationTests.spec("library.json");
    tools.jackson.databind.JsonNode parsed = ApiClient.json(new String(pretty, UTF_8));
    byte[] compact = parsed.toString().getBytes(UTF_8);
    java.util.List<String> keys = new java.util.ArrayList<>(parsed.propertyNames());
    java.util.Collections.reverse(keys);
    tools.jackson.databind.node.ObjectNode reordered =
        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    keys.forEach(key -> reordered.set(key, parsed.get(key)));

    HttpResponse<String> first = api.postJson("/api/projects", token, pretty, "order-9");
    HttpResponse<String> again = api.postJson("/api/projects", token, compact, "order-9");
    HttpResponse<String> shuffled =
        api.postJson("/api/projects", token, reordered.toString().getBytes(UTF_8), "order-9");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(shuffled.statusCode()).as(shuffled.body()).isEqualTo(200);
    assertThat(ApiClient.json(again.body()).get("id").asString())
        .isEqualTo(ApiClient.json(first.body()).get("id").asString())
        .isEqualTo(ApiClient.json(shuffled.body()).get("id").asString());
    assertThat(projectsOf("idempotent-grace")).isEqualTo(1);
  }

  @Test
  void keysBelongToTheirOwner() {
    byte[] spec = ProjectApiIntegrationTests.spec("library.json");

    HttpResponse<String> carol =
        api.postJson("/api/projects", tokens.forSubject("idempotent-carol"), spec, "shared-key");
    HttpResponse<String> dave =
        api.postJson("/api/projects", tokens.forSubject("idempotent-dave"), spec, "shared-key");

    assertThat(carol.statusCode()).isEqualTo(202);
    assertThat(dave.statusCode()).isEqualTo(202);
    assertThat(ApiClient.json(carol.body()).get("id"))
        .isNotEqualTo(ApiClient.json(dave.body()).get("id"));
  }

  @Test
  void aMalformedKeyIsABadRequest() {
    HttpResponse<String> response =
        api.postJson(
            "/api/projects",
            tokens.forSubject("idempotent-erin"),
            "{}".getBytes(StandardCharsets.UTF_8),
            "x".repeat(201));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(projectsOf("idempotent-erin")).isZero();
  }

  private long projectsOf(String owner) {
    return jdbc.sql("SELECT count(*) FROM projects WHERE owner = :owner")
        .param("owner", owner)
        .query(Long.class)
        .single();
  }
}
