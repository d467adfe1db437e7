package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.store.ProjectStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Revisions of a project through the REST API and the diff between two generations: against the
 * real PostgreSQL and the in-process Temporal server, each project generated for real.
 */
class RevisionApiIntegrationTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired TestTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired ProjectStore projects;

  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void aRevisionWithOneMoreFieldIsANewProjectWhoseDiffFromItsParentBringsTheField()
      throws Exception {
    String token = tokens.forSubject("reviser-" + UUID.randomUUID());
    String parent = submit(token);

    HttpResponse<String> revised =
        api.postJson("/api/projects/" + parent + "/revisions", token, libraryWithPages());

    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(202);
    JsonNode revision = ApiClient.json(revised.body());
    String id = revision.get("id").asString();
    assertThat(id).isNotEqualTo(parent);
    assertThat(revised.headers().firstValue("Location")).hasValue("/api/projects/" + id);
    assertThat(revision.get("parentId").asString()).isEqualTo(parent);
    assertThat(revision.get("links").get("parent").asString()).isEqualTo("/api/projects/" + parent);
    assertThat(revision.get("links").get("changes").asString())
        .isEqualTo("/api/projects/" + id + "/diff?from=" + parent);
    assertThat(
            ApiClient.json(api.get("/api/projects/" + parent, token).body())
                .get("parentId")
                .isNull())
        .isTrue();
    JsonNode listed = ApiClient.json(api.get("/api/projects", token).body()).get("items");
    assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
    assertThat(listed.get(0).get("parentId").asString()).isEqualTo(parent);
    assertThat(listed.get(1).get("parentId").isNull()).isTrue();

    assertThat(api.awaitEnd(parent, token).get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(api.awaitEnd(id, token).get("status").asString()).isEqualTo("SUCCEEDED");
    HttpResponse<String> diff = api.get("/api/projects/" + id + "/diff?from=" + parent, token);

    assertThat(diff.statusCode()).as(diff.body()).isEqualTo(200);
    assertThat(diff.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
    assertThat(diff.body())
        .startsWith("diff --git a/")
        .contains("\n--- a/backforge.json\n+++ b/backforge.json\n")
        .containsPattern("(?m)^\\+.*\"pages\"")
        .containsPattern("(?m)^\\+.*pages")
        .doesNotContainPattern("(?m)^-.*pages");
    String back = api.get("/api/projects/" + parent + "/diff?from=" + id, token).body();
    assertThat(back).containsPattern("(?m)^-.*pages").doesNotContainPattern("(?m)^\\+.*pages");
    HttpResponse<String> same = api.get("/api/projects/" + id + "/diff?from=" + id, token);
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(same.body()).isEmpty();
  }

  @Test
  void anotherOwnersOrAnUnknownProjectCannotBeRevisedAndNothingIsStored() {
    String owner = tokens.forSubject("revised-owner-" + UUID.randomUUID());
    String stranger = tokens.forSubject("revising-stranger-" + UUID.randomUUID());
    String parent = submit(owner);
    long before = projectCount();

    HttpResponse<String> foreign =
        api.postJson("/api/projects/" + parent + "/revisions", stranger, libraryWithPages());
    HttpResponse<String> unknown =
        api.postJson(
            "/api/projects/" + UUID.randomUUID() + "/revisions", owner, libraryWithPages());

    for (HttpResponse<String> response : java.util.List.of(foreign, unknown)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(ApiClient.json(response.body()).get("type").asString())
          .isEqualTo("/problems/not-found");
    }
    assertThat(projectCount()).isEqualTo(before);
  }

  @Test
  void anInvalidRevisionIsRejectedWithItsProblemsAndNothingIsStored() {
    String token = tokens.forSubject("invalid-reviser-" + UUID.randomUUID());
    String parent = submit(token);
    long before = projectCount();

    HttpResponse<String> response =
        api.postJson(
            "/api/projects/" + parent + "/revisions",
            token,
            ProjectApiIntegrationTests.INVALID_SPEC.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(response.body()).get("type").asString())
        .isEqualTo("/problems/invalid-spec");
    assertThat(projectCount()).isEqualTo(before);
  }

  @Test
  void aRepeatedRevisionUnderTheSameIdempotencyKeyAnswersTheSameProjectAndOnlyForTheSameParent() {
    String token = tokens.forSubject("idempotent-reviser-" + UUID.randomUUID());
    String parent = submit(token);
    String path = "/api/projects/" + parent + "/revisions";

    HttpResponse<String> first = api.postJson(path, token, libraryWithPages(), "rev-1");
    HttpResponse<String> again = api.postJson(path, token, libraryWithPages(), "rev-1");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(again.body()).get("id").asString())
        .isEqualTo(ApiClient.json(first.body()).get("id").asString());
    assertThat(ApiClient.json(again.body()).get("parentId").asString()).isEqualTo(parent);
    String otherParent = submit(token);
    HttpResponse<String> elsewhere =
        api.postJson(
            "/api/projects/" + otherParent + "/revisions", token, libraryWithPages(), "rev-1");
    HttpResponse<String> plain = api.postJson("/api/projects", token, libraryWithPages(), "rev-1");
    assertThat(elsewhere.statusCode()).isEqualTo(422);
    assertThat(plain.statusCode()).isEqualTo(422);
    assertThat(ApiClient.json(plain.body()).get("type").asString())
        .isEqualTo("/problems/idempotency-key-reused");
  }

  @Test
  void aDiffNeedsBothProjectsToBeTheCallersAndGenerated() throws Exception {
    String owner = "differ-" + UUID.randomUUID();
    String token = tokens.forSubject(owner);
    String generated = submit(token);
    assertThat(api.awaitEnd(generated, token).get("status").asString()).isEqualTo("SUCCEEDED");
    UUID waiting = UUID.randomUUID();
    projects.create(waiting, owner, "waiting", "flask", "{}");
    String foreign = submit(tokens.forSubject("other-differ-" + UUID.randomUUID()));

    HttpResponse<String> notGenerated =
        api.get("/api/projects/" + generated + "/diff?from=" + waiting, token);
    HttpResponse<String> notGeneratedEither =
        api.get("/api/projects/" + waiting + "/diff?from=" + generated, token);
    HttpResponse<String> fromForeign =
        api.get("/api/projects/" + generated + "/diff?from=" + foreign, token);
    HttpResponse<String> ofForeign =
        api.get("/api/projects/" + foreign + "/diff?from=" + generated, token);
    HttpResponse<String> noFrom = api.get("/api/projects/" + generated + "/diff", token);

    for (HttpResponse<String> conflict : java.util.List.of(notGenerated, notGeneratedEither)) {
      assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
      assertThat(conflict.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = ApiClient.json(conflict.body());
      assertThat(problem.get("type").asString()).isEqualTo("/problems/not-generated");
      assertThat(problem.get("detail").asString())
          .contains(waiting.toString())
          .doesNotContain(generated);
    }
    assertThat(fromForeign.statusCode()).isEqualTo(404);
    assertThat(ofForeign.statusCode()).isEqualTo(404);
    assertThat(noFrom.statusCode()).isEqualTo(400);
  }

  private String submit(String token) {
    HttpResponse<String> submitted =
        api.postJson("/api/projects", token, ProjectApiIntegrationTests.spec("library.json"));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    return ApiClient.json(submitted.body()).get("id").asString();
  }

  /** The library spec with one more field on Book. */
  static byte[] libraryWithPages() {
    String library =
        new String(ProjectApiIntegrationTests.spec("library.json"), StandardCharsets.UTF_8);
    String withPages =
        library.replace(
            "{ \"name\": \"published\", \"type\": \"boolean\" }",
            "{ \"name\": \"published\", \"type\": \"boolean\" },\n"
                + "        { \"name\": \"pages\", \"type\": \"integer\", \"min\": 1 }");
    assertThat(withPages).isNotEqualTo(library);
    return withPages.getBytes(StandardCharsets.UTF_8);
  }

  private long projectCount() {
    return jdbc.sql("SELECT count(*) FROM projects").query(Long.class).single();
  }
}
