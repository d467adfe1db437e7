package io.backforge.api.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.backforge.activities.git.GitTokens;
import io.backforge.api.ApiClient;
import io.backforge.api.IntegrationTest;
import io.backforge.api.TestTokens;
import io.backforge.workflows.git.GitPushWorkflow;
import io.temporal.client.WorkflowClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The whole flow of issue 18's second half against local bare repositories: {@code file:} remotes
 * are allowed here by configuration, as an operator would list a prefix.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = "backforge.git.allowed-remotes=file:")
class GitPushIntegrationTests extends IntegrationTest {

  private static final String TOKEN = "ghp_NeverInClear0123456789abcdef";
  private static final Pattern TITLE_LINE = Pattern.compile("(?m)^ *title = .*$");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestTokens tokens;
  @Autowired GitTokens gitTokens;
  @Autowired WorkflowClient temporal;
  @Autowired MockMvc mvc;

  @TempDir Path temp;

  ApiClient api;
  String owner;
  String token;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
    owner = "git-" + UUID.randomUUID();
    token = tokens.forSubject(owner);
  }

  @Test
  void generationsPushedOnTopMergeIntoTheUsersBranchKeepingEditsAndReportingConflicts()
      throws Exception {
    Path remote = bareRemote("library.git");
    String first = generate(spec(200, false));

    JsonNode pushed = push(first, remote, null, 200);
    assertThat(pushed.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(pushed.get("branch").asString()).isEqualTo("backforge");
    String firstCommit = pushed.get("commit").asString();
    try (Git bare = Git.open(remote.toFile())) {
      RevCommit tip = bare.getRepository().parseCommit(bare.getRepository().resolve("backforge"));
      assertThat(tip.name()).isEqualTo(firstCommit);
      assertThat(tip.getFullMessage()).contains("git-library", "revision 1", first);
      assertThat(TreeWalk.forPath(bare.getRepository(), "backforge.json", tip.getTree()))
          .isNotNull();
      assertThat(TreeWalk.forPath(bare.getRepository(), "app/models.py", tip.getTree()))
          .isNotNull();
    }

    try (Git user = cloneOnOwnBranch(remote)) {
      Path models = user.getRepository().getWorkTree().toPath().resolve("app/models.py");
      String edit = "    # mine: every timestamp in UTC\n";
      Files.writeString(
          models, Files.readString(models).replace("def _utcnow():\n", "def _utcnow():\n" + edit));
      commit(user, "Document the clock");

      String second = generate(spec(200, true));
      JsonNode next = push(second, remote, null, 200);
      assertThat(parentOf(remote, next.get("commit").asString())).isEqualTo(firstCommit);

      MergeResult clean = fetchAndMerge(user);
      assertThat(clean.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.MERGED);
      assertThat(Files.readString(models)).contains(edit).contains("isbn");

      String third = generate(spec(300, true));
      replaceTitleLine(models, "    title = _db.Column(_db.Text)  # mine");
      commit(user, "Unbounded titles");
      push(third, remote, null, 200);

      MergeResult conflicting = fetchAndMerge(user);
      assertThat(conflicting.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.CONFLICTING);
      assertThat(conflicting.getConflicts()).containsKey("app/models.py");
      assertThat(Files.readString(models))
          .contains("<<<<<<<", "title = _db.Column(_db.Text)  # mine", ">>>>>>>", "300")
          .contains(edit);
    }
  }

  @Test
  void pushingTheSameGenerationAgainAnswersTheSameCommit() throws Exception {
    Path remote = bareRemote("again.git");
    String project = generate(spec(200, false));
    String once = push(project, remote, null, 200).get("commit").asString();
    String twice = push(project, remote, "backforge", 200).get("commit").asString();
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void theProjectPageShowsTheLastPushWithALinkOnlyForHttpsRemotes() throws Exception {
    Path remote = bareRemote("page.git");
    String project = generate(spec(200, false));
    assertThat(projectPage(project)).doesNotContain("id=\"last-push\"");

    String commit = push(project, remote, "generated/main", 200).get("commit").asString();

    String page = projectPage(project);
    assertThat(page)
        .contains("id=\"last-push\"", "generated/main", commit.substring(0, 7), url(remote))
        .doesNotContain("href=\"" + url(remote));
    jdbc.sql(
            "UPDATE git_pushes SET remote = 'https://git.example.com/acme/library.git'"
                + " WHERE project_id = :id")
        .param("id", UUID.fromString(project))
        .update();
    assertThat(projectPage(project)).contains("href=\"https://git.example.com/acme/library.git\"");
  }

  private String projectPage(String project) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/projects/" + project).with(oidcLogin().idToken(t -> t.subject(owner))))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  @Test
  void aDisallowedRemoteIsRefusedAndNothingIsWritten() throws Exception {
    Path remote = bareRemote("refused.git");
    String project = generate(spec(200, false));
    for (String url :
        new String[] {remote.toString(), "http://127.0.0.1:1/x.git", "https://a:b@example.com/x"}) {
      HttpResponse<String> refused =
          api.postJson(path(project, "push"), token, body(url, null, null));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      assertThat(ApiClient.json(refused.body()).get("type").asString())
          .isEqualTo("/problems/remote-not-allowed");
    }
    try (Git bare = Git.open(remote.toFile())) {
      assertThat(bare.getRepository().getRefDatabase().getRefs()).isEmpty();
    }
    assertThat(pushRows(project)).isZero();
  }

  @Test
  void anInvalidBranchOrAnotherOwnersProjectIsRefused() throws Exception {
    Path remote = bareRemote("branch.git");
    String project = generate(spec(200, false));
    for (String branch : new String[] {"a..b", "refs/heads/x", "-x", "a b", "x.lock"}) {
      HttpResponse<String> refused =
          api.postJson(path(project, "push"), token, body(url(remote), branch, null));
      assertThat(refused.statusCode()).as(branch + ": " + refused.body()).isEqualTo(400);
    }
    String stranger = tokens.forSubject("stranger-" + UUID.randomUUID());
    HttpResponse<String> hidden =
        api.postJson(path(project, "push"), stranger, body(url(remote), null, null));
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(pushRows(project)).isZero();
  }

  @Test
  void aTokenIsNeitherInWorkflowHistoryNorInTheDatabaseInClear() throws Exception {
    Path remote = bareRemote("token.git");
    String project = generate(spec(200, false));

    JsonNode pushed = push(project, remote, null, 200, TOKEN);
    String pushId = pushed.get("id").asString();

    // The text form shows payload bytes as (escaped) text, where the JSON form has them in Base64.
    String history =
        temporal.fetchHistory(GitPushWorkflow.workflowId(pushId)).getHistory().toString();
    assertThat(history).contains(project).doesNotContain(TOKEN).doesNotContain("NeverInClear");
    assertThat(jdbc.sql("SELECT count(*) FROM git_tokens").query(Long.class).single()).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM git_pushes WHERE remote || branch || coalesce(error, '') LIKE :t")
                .param("t", "%NeverInClear%")
                .query(Long.class)
                .single())
        .isZero();

    UUID orphan = gitTokens.save("left-by-a-terminated-push");
    jdbc.sql("UPDATE git_tokens SET created_at = now() - interval '2 hours' WHERE id = :id")
        .param("id", orphan)
        .update();
    UUID stored = gitTokens.save(TOKEN);
    assertThat(gitTokens.read(orphan)).isEmpty();
    byte[] sealed =
        jdbc.sql("SELECT sealed FROM git_tokens WHERE id = :id")
            .param("id", stored)
            .query(byte[].class)
            .single();
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("NeverInClear");
    assertThat(gitTokens.read(stored)).hasValue(TOKEN);
    gitTokens.delete(stored);
  }

  @Test
  void aRemoteWithoutARepositoryFailsWithoutRetriesAndIsRecorded() throws Exception {
    String project = generate(spec(200, false));
    HttpResponse<String> failed =
        api.postJson(
            path(project, "push"), token, body(url(temp.resolve("missing.git")), null, TOKEN));
    assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
    JsonNode problem = ApiClient.json(failed.body());
    assertThat(problem.get("reason").asString()).isEqualTo("repository-not-found");
    String pushId = problem.get("pushId").asString();
    JsonNode recorded = ApiClient.json(api.get(path(project, "pushes/" + pushId), token).body());
    assertThat(recorded.get("status").asString()).isEqualTo("FAILED");
    assertThat(jdbc.sql("SELECT count(*) FROM git_tokens").query(Long.class).single()).isZero();
  }

  @Test
  void theZipMergeKeepsAnEditBringsTheChangeAndReportsAConflict() throws Exception {
    String base = generate(spec(200, true));
    String next = generate(spec(300, true));
    Map<String, byte[]> tree = unzip(api.getBytes(path(base, "download"), token).body());
    String root = tree.keySet().iterator().next().split("/")[0];
    String extensions = root + "/app/extensions.py";
    String models = root + "/app/models.py";
    tree.put(
        extensions,
        (text(tree.get(extensions)) + "# mine: kept\n").getBytes(StandardCharsets.UTF_8));
    Matcher title = TITLE_LINE.matcher(text(tree.get(models)));
    assertThat(title.find()).isTrue();
    tree.put(
        models,
        title
            .replaceFirst("    title = _db.Column(_db.Text)  # mine")
            .getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> merged = postZip(path(next, "merge") + "?base=" + base, zip(tree));

    assertThat(merged.statusCode())
        .as(new String(merged.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    assertThat(merged.headers().firstValue("Backforge-Conflicts")).hasValue("app/models.py");
    Map<String, byte[]> result = unzip(merged.body());
    assertThat(text(result.get(extensions))).endsWith("# mine: kept\n");
    assertThat(text(result.get(models)))
        .contains("<<<<<<< yours", "# mine", ">>>>>>> backforge", "300");
    assertThat(text(result.get(root + "/CONFLICTS.txt"))).contains("app/models.py");

    HttpResponse<byte[]> noBase = postZip(path(next, "merge"), zip(tree));
    assertThat(noBase.statusCode()).isEqualTo(409);
  }

  /** A revision made through the API merges onto its parent without a base parameter. */
  @Test
  void theZipMergeOfARevisionStartsFromItsParentWithoutABaseParameter() throws Exception {
    String parent = generate(spec(200, false));
    String revision = generate(path(parent, "revisions"), spec(200, true));
    Map<String, byte[]> tree = unzip(api.getBytes(path(parent, "download"), token).body());
    String root = tree.keySet().iterator().next().split("/")[0];
    String extensions = root + "/app/extensions.py";
    tree.put(
        extensions, (text(tree.get(extensions)) + "# mine\n").getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> merged = postZip(path(revision, "merge"), zip(tree));

    assertThat(merged.statusCode()).isEqualTo(200);
    assertThat(merged.headers().firstValue("Backforge-Conflicts")).hasValue("");
    Map<String, byte[]> result = unzip(merged.body());
    assertThat(text(result.get(extensions))).endsWith("# mine\n");
    assertThat(text(result.get(root + "/app/models.py"))).contains("isbn");
    assertThat(result).doesNotContainKey(root + "/CONFLICTS.txt");

    Path remote = bareRemote("revision.git");
    push(revision, remote, null, 200);
    try (Git bare = Git.open(remote.toFile())) {
      RevCommit tip = bare.getRepository().parseCommit(bare.getRepository().resolve("backforge"));
      assertThat(tip.getFullMessage()).contains("revision 2", "Backforge-Parent: " + parent);
    }
  }

  @Test
  void aHostileZipIsRefusedAndAnotherOwnersBaseIsNotFound() throws Exception {
    String base = generate(spec(200, false));
    HttpResponse<byte[]> slip =
        postZip(
            path(base, "merge") + "?base=" + base, zip(Map.of("p/../../etc/passwd", new byte[1])));
    assertThat(slip.statusCode()).isEqualTo(400);
    assertThat(new String(slip.body(), StandardCharsets.UTF_8))
        .contains("/problems/invalid-upload");

    String stranger = "stranger-" + UUID.randomUUID();
    String theirs = token;
    token = tokens.forSubject(stranger);
    String strangers = generate(spec(200, false));
    token = theirs;
    HttpResponse<byte[]> hidden =
        postZip(path(base, "merge") + "?base=" + strangers, zip(Map.of("p/a.txt", new byte[1])));
    assertThat(hidden.statusCode()).isEqualTo(404);
  }

  private String generate(String spec) throws InterruptedException {
    return generate("/api/projects", spec);
  }

  private String generate(String at, String spec) throws InterruptedException {
    HttpResponse<String> submitted = api.postJson(at, token, spec.getBytes(StandardCharsets.UTF_8));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = ApiClient.json(submitted.body()).get("id").asString();
    JsonNode done = api.awaitEnd(id, token);
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    return id;
  }

  private JsonNode push(String project, Path remote, String branch, int status) {
    return push(project, remote, branch, status, null);
  }

  private JsonNode push(String project, Path remote, String branch, int status, String secret) {
    HttpResponse<String> response =
        api.postJson(path(project, "push"), token, body(url(remote), branch, secret));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return ApiClient.json(response.body());
  }

  private HttpResponse<byte[]> postZip(String path, byte[] zip) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/zip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] body(String remote, String branch, String secret) {
    StringBuilder json = new StringBuilder("{\"remote\":\"").append(remote).append('"');
    if (branch != null) {
      json.append(",\"branch\":\"").append(branch).append('"');
    }
    if (secret != null) {
      json.append(",\"token\":\"").append(secret).append('"');
    }
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String spec(int titleLength, boolean isbn) {
    return """
        { "name": "git-library", "stack": "flask", "database": "postgresql", "verify": false,
          "entities": [ { "name": "Book", "fields": [
            { "name": "title", "type": "string", "required": true, "maxLength": %d }%s ] } ],
          "features": { "auth": "none", "pagination": true, "openapi": true, "docker": false,
                        "tests": true } }
        """
        .formatted(titleLength, isbn ? ", { \"name\": \"isbn\", \"type\": \"string\" }" : "");
  }

  private static String path(String project, String rest) {
    return "/api/projects/" + project + "/" + rest;
  }

  private long pushRows(String project) {
    return jdbc.sql("SELECT count(*) FROM git_pushes WHERE project_id = :id")
        .param("id", UUID.fromString(project))
        .query(Long.class)
        .single();
  }

  private Path bareRemote(String name) throws Exception {
    Path remote = temp.resolve(name);
    Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
    return remote;
  }

  private static String url(Path remote) {
    return remote.toUri().toString();
  }

  private Git cloneOnOwnBranch(Path remote) throws Exception {
    Git user =
        Git.cloneRepository()
            .setURI(url(remote))
            .setDirectory(temp.resolve("user").toFile())
            .setBranch("backforge")
            .call();
    user.checkout().setCreateBranch(true).setName("main").call();
    return user;
  }

  private static void commit(Git user, String message) throws Exception {
    PersonIdent me = new PersonIdent("User", "user@example.com");
    user.commit().setAll(true).setMessage(message).setAuthor(me).setCommitter(me).call();
  }

  private static MergeResult fetchAndMerge(Git user) throws Exception {
    user.fetch().setRemote("origin").call();
    ObjectId generated = user.getRepository().resolve("refs/remotes/origin/backforge");
    return user.merge().include(generated).setMessage("Merge backforge").call();
  }

  private static String parentOf(Path remote, String commit) throws IOException {
    try (Git bare = Git.open(remote.toFile())) {
      RevCommit parsed = bare.getRepository().parseCommit(ObjectId.fromString(commit));
      return parsed.getParentCount() == 0 ? null : parsed.getParent(0).name();
    }
  }

  private static void replaceTitleLine(Path file, String line) throws IOException {
    Matcher title = TITLE_LINE.matcher(Files.readString(file));
    assertThat(title.find()).isTrue();
    Files.writeString(file, title.replaceFirst(line));
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  private static byte[] zip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
