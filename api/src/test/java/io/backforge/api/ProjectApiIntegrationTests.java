package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ProjectApiIntegrationTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestTokens tokens;

  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void librarySpecBecomesAZipWhoseFlaskProjectPassesItsOwnTests(@TempDir Path dir)
      throws Exception {
    String token = api.devToken("dev-client", "dev-secret");

    HttpResponse<String> submitted = api.postJson("/api/projects", token, spec("library.json"));

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    JsonNode project = ApiClient.json(submitted.body());
    String id = project.get("id").asString();
    assertThat(submitted.headers().firstValue("Location")).hasValue("/api/projects/" + id);

    JsonNode done = api.awaitEnd(id, token);
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    List<String> states = new ArrayList<>();
    done.get("steps")
        .forEach(
            s ->
                states.add(
                    s.get("id").asString()
                        + "="
                        + s.get("state").asString()
                        + "/"
                        + s.get("attempts").asInt()));
    assertThat(states)
        .containsExactly(
            "validate-spec=SUCCEEDED/1",
            "create-features=SUCCEEDED/1",
            "scaffold=SUCCEEDED/1",
            "ai-enrichment=SKIPPED/0",
            "verify=SUCCEEDED/1",
            "zip=SUCCEEDED/1");
    JsonNode verification = done.get("verification");
    assertThat(verification.get("state").asString()).as(done.toString()).isEqualTo("PASSED");
    assertThat(verification.get("testsPassed").asInt()).isGreaterThan(0);
    assertThat(verification.get("testsFailed").asInt()).isZero();
    assertThat(verification.get("lintFindings").asInt()).isZero();
    assertThat(verification.get("logTail").asString()).contains("passed");
    assertThat(done.get("warnings")).isEmpty();

    HttpResponse<byte[]> zip = api.getBytes("/api/projects/" + id + "/download", token);
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
    Path root = unzip(zip.body(), dir).resolve("library-service");
    assertThat(root.resolve("requirements.txt")).exists();

    PytestRun run = pytest(root);
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("passed").doesNotContain("failed");
  }

  @Test
  void anotherOwnerCanNeitherSeeNorTouchTheProject() {
    String owner = api.devToken("dev-client", "dev-secret");
    String stranger = tokens.forSubject("mallory");
    String id =
        ApiClient.json(api.postJson("/api/projects", owner, spec("blog.json")).body())
            .get("id")
            .asString();

    assertThat(api.get("/api/projects/" + id, stranger).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/projects/" + id + "/download", stranger).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/projects/" + id + "/files", stranger).statusCode()).isEqualTo(404);
    assertThat(api.post("/api/projects/" + id + "/cancel", stranger).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/projects", stranger).body()).doesNotContain(id);
    assertThat(api.get("/api/projects", owner).body()).contains(id);
    assertThat(api.get("/api/projects/" + id, owner).statusCode()).isEqualTo(200);
  }

  @Test
  void anInvalidSpecIsRejectedWithEveryProblemAndNothingIsStored() {
    String token = tokens.forSubject("validator-user");
    long projectsBefore = projectCount();

    HttpResponse<String> response =
        api.postJson("/api/projects", token, INVALID_SPEC.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = ApiClient.json(response.body());
    assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-spec");
    assertThat(pointers(problem))
        .contains(
            "/stack",
            "/entities/0/name",
            "/entities/1/fields/1/name",
            "/entities/1/fields/2/type",
            "/entities/1/fields/3/min",
            "/entities/1/relations/0/target");
    assertThat(projectCount()).isEqualTo(projectsBefore);
  }

  @Test
  void dryRunValidationAnswersTheSameProblemsWithoutSideEffects() {
    String token = tokens.forSubject("validator-user");
    long projectsBefore = projectCount();

    HttpResponse<String> bad =
        api.postJson("/api/specs/validate", token, INVALID_SPEC.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> good = api.postJson("/api/specs/validate", token, spec("shop.json"));

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(pointers(ApiClient.json(bad.body()))).hasSizeGreaterThanOrEqualTo(6);
    assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
    assertThat(ApiClient.json(good.body()).get("valid").asBoolean()).isTrue();
    assertThat(projectCount()).isEqualTo(projectsBefore);
  }

  @Test
  void catalogListsStacksDatabasesFieldTypesFeaturesAndLimits() {
    JsonNode catalog = ApiClient.json(api.get("/api/catalog", tokens.forSubject("reader")).body());

    assertThat(catalog.get("stacks").get(0).get("id").asString()).isEqualTo("flask");
    assertThat(catalog.get("stacks").get(1).get("id").asString()).isEqualTo("spring-boot");
    assertThat(catalog.get("databases").toString()).contains("postgresql", "sqlite", "mysql");
    assertThat(catalog.get("fieldTypes").toString()).contains("decimal", "enum", "uuid");
    assertThat(catalog.get("features").toString()).contains("auth", "openapi");
    assertThat(catalog.get("limits").get("entities").asInt()).isEqualTo(100);
    assertThat(catalog.get("options").get(0).get("id").asString()).isEqualTo("verify");
    assertThat(catalog.get("deleteRules").toString()).contains("restrict", "cascade", "set-null");
    assertThat(catalog.get("modelFeatures").get("flask").toString())
        .contains("field-defaults", "delete-rules");
  }

  static final String INVALID_SPEC =
      """
      {
        "name": "broken",
        "stack": "cobol",
        "database": "sqlite",
        "entities": [
          { "name": "bad name", "fields": [] },
          { "name": "Book",
            "fields": [
              { "name": "title", "type": "string" },
              { "name": "title", "type": "string" },
              { "name": "price", "type": "money" },
              { "name": "pages", "type": "integer", "min": 10, "max": 5 }
            ],
            "relations": [ { "name": "writer", "kind": "many-to-one", "target": "Writer" } ] }
        ]
      }
      """;

  private long projectCount() {
    return jdbc.sql("SELECT count(*) FROM projects").query(Long.class).single();
  }

  private static List<String> pointers(JsonNode problem) {
    List<String> pointers = new ArrayList<>();
    problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
    return pointers;
  }

  static byte[] spec(String name) {
    try (InputStream in = ProjectApiIntegrationTests.class.getResourceAsStream("/specs/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path unzip(byte[] zip, Path dir) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = dir.resolve(entry.getName()).normalize();
        assertThat(target.startsWith(dir)).as("entry %s stays inside", entry.getName()).isTrue();
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      }
    }
    return dir;
  }

  record PytestRun(int exitCode, String output) {}

  static PytestRun pytest(Path root) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pytest did not finish in time");
    }
    return new PytestRun(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
