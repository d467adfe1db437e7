package io.backforge.templates.flask;

import static io.backforge.templates.generate.GeneratedProjectAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectZipper;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlaskGeneratorTests {

  private static final String ALL_FEATURES_OFF =
      "\"features\": { \"auth\": \"none\", \"pagination\": false, \"openapi\": false,"
          + " \"docker\": false, \"tests\": true }";

  private static final String SECRET = "generator-tests-secret-key-0123456789abcdef";

  private final FlaskGenerator generator = new FlaskGenerator();

  @Test
  void projectWithEveryOptionalFeatureOffPassesItsOwnTests(@TempDir Path dir) {
    ProjectSpec spec =
        PythonRunner.spec("library.json", Map.of(libraryFeatures(), ALL_FEATURES_OFF));

    GeneratedProject project = generator.generate(spec);

    assertThat(project).doesNotContainFiles("app/auth.py", "app/openapi.py", "Dockerfile");
    assertPasses(project, dir);
  }

  @Test
  void generatedAppStartsAndServesRequestsOverHttp(@TempDir Path dir) throws Exception {
    PythonRunner.write(generator.generate(PythonRunner.spec("library.json")), dir);
    Files.writeString(dir.resolve(".env"), "JWT_SECRET_KEY=" + SECRET + "\n");
    PythonRunner.Result migrated =
        PythonRunner.run(dir, 60, "-m", "flask", "--app", "wsgi", "db", "upgrade");
    assertThat(migrated.exitCode()).as(migrated.output()).isZero();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process server =
        new ProcessBuilder(
                PythonRunner.PYTHON, "-m", "flask", "--app", "wsgi", "run", "--port", "" + port)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + port;
      HttpResponse<String> health = waitForHealth(http, base + "/health");
      String credentials = "{\"email\": \"a@example.com\", \"password\": \"secret-password\"}";

      HttpResponse<String> anonymous = http.send(get(base + "/api/books"), BodyHandlers.ofString());
      HttpResponse<String> registered =
          http.send(post(base + "/auth/register", credentials), BodyHandlers.ofString());
      HttpResponse<String> login =
          http.send(post(base + "/auth/login", credentials), BodyHandlers.ofString());

      assertThat(health.body()).contains("\"status\"").contains("\"ok\"");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      assertThat(login.body()).contains("accessToken");
      assertThat(dir.resolve("instance/library_service.db")).exists();
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void applicationReadsItsSettingsFromDotEnv(@TempDir Path dir) throws IOException {
    PythonRunner.write(generator.generate(PythonRunner.spec("library.json")), dir);
    Files.writeString(dir.resolve(".env"), "JWT_SECRET_KEY=" + SECRET + "\nJWT_TTL_MINUTES=7\n");

    PythonRunner.Result result =
        PythonRunner.run(
            dir,
            60,
            "-c",
            "from app import create_app; app = create_app();"
                + " print(app.config['JWT_SECRET_KEY'], app.config['JWT_ACCESS_TOKEN_EXPIRES'])");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains(SECRET + " 0:07:00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "JWT_SECRET_KEY=\n", "JWT_SECRET_KEY=shorter-than-32-bytes\n"})
  void applicationRefusesToStartWithoutAStrongJwtSecret(String dotEnv, @TempDir Path dir)
      throws IOException {
    PythonRunner.write(generator.generate(PythonRunner.spec("library.json")), dir);
    Files.writeString(dir.resolve(".env"), dotEnv);

    PythonRunner.Result result =
        PythonRunner.run(dir, 60, "-m", "flask", "--app", "wsgi", "db", "upgrade");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output())
        .contains(
            "JWT_SECRET_KEY must be set to at least 32 bytes (in the environment or in .env)");
  }

  private static HttpResponse<String> waitForHealth(HttpClient http, String url)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        HttpResponse<String> response = http.send(get(url), BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response;
        }
      } catch (IOException notUpYet) {
        // keep polling until the deadline
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("generated app did not answer /health with 200");
      }
      Thread.sleep(100);
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
  }

  private static HttpRequest post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  @Test
  void generatedPythonCompilesWhenSpecTextIsHostile(@TempDir Path dir) {
    PythonRunner.write(generator.generate(PythonRunner.spec("nasty.json")), dir);

    PythonRunner.Result result = PythonRunner.run(dir, 60, "-m", "compileall", "-q", ".");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void hostileTextNeverReachesPythonUnescaped() {
    GeneratedProject project = generator.generate(PythonRunner.spec("nasty.json"));

    project.files().keySet().stream()
        .filter(path -> path.endsWith(".py"))
        .forEach(
            path -> {
              String source = project.text(path);
              assertThat(source.chars()).as(path).allMatch(c -> c < 0x80);
              assertThat(source).as(path).doesNotContain("\"\"\"gadget", "\n# not a comment");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"library.json", "nasty.json"})
  void sameSpecGivesByteIdenticalZip(String spec) {
    byte[] first = ProjectZipper.zip(generator.generate(PythonRunner.spec(spec)));
    byte[] second = ProjectZipper.zip(new FlaskGenerator().generate(PythonRunner.spec(spec)));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void projectShipsItsCanonicalSpecAndIsRootedAtTheKebabName() {
    ProjectSpec spec = PythonRunner.spec("shop.json");

    GeneratedProject project = generator.generate(spec);

    assertThat(project.rootFolder()).isEqualTo("shop-backend");
    assertThat(project.text("backforge.json")).isEqualTo(SpecJson.write(spec));
    byte[] shipped = project.text("backforge.json").getBytes(StandardCharsets.UTF_8);
    assertThat(PythonRunner.spec(shipped)).isEqualTo(spec);
  }

  @Test
  void projectWithEveryFeatureHasItsFiles() {
    GeneratedProject project = generator.generate(PythonRunner.spec("library.json"));

    assertThat(project)
        .containsFiles(
            "app/__init__.py",
            "app/config.py",
            "app/extensions.py",
            "app/models.py",
            "app/schemas.py",
            "app/errors.py",
            "app/inputs.py",
            "app/routes/author.py",
            "app/routes/book.py",
            "app/auth.py",
            "app/openapi.py",
            "app/openapi.json",
            "wsgi.py",
            "requirements.txt",
            ".env.example",
            ".gitignore",
            "README.md",
            "Dockerfile",
            "docker-compose.yml",
            "backforge.json",
            "pytest.ini",
            "tests/conftest.py",
            "tests/test_author_api.py",
            "tests/test_book_api.py",
            "tests/test_auth.py",
            "tests/test_hostile.py",
            "tests/test_openapi.py");
    assertThat(project).file("requirements.txt").contains("flask-jwt-extended", "psycopg2-binary");
    assertThat(project).file("docker-compose.yml").contains("postgres:16");
  }

  @Test
  void projectWithoutOptionalFeaturesLeavesTheirFilesOut() {
    ProjectSpec spec =
        PythonRunner.spec("library.json", Map.of(libraryFeatures(), ALL_FEATURES_OFF));

    GeneratedProject project = generator.generate(spec);

    assertThat(project)
        .doesNotContainFiles(
            "app/auth.py",
            "tests/test_auth.py",
            "app/openapi.py",
            "app/openapi.json",
            "tests/test_openapi.py",
            "Dockerfile",
            "docker-compose.yml");
    assertThat(project).file("requirements.txt").doesNotContain("flask-jwt-extended");
    assertThat(project).file("app/crud.py").contains("PAGINATED = False");
  }

  @Test
  void projectWithoutTestsShipsNoTestSuite() {
    String features = ALL_FEATURES_OFF.replace("\"tests\": true", "\"tests\": false");
    ProjectSpec spec = PythonRunner.spec("library.json", Map.of(libraryFeatures(), features));

    GeneratedProject project = generator.generate(spec);

    assertThat(project).hasNoFilesUnder("tests/").doesNotContainFiles("pytest.ini");
  }

  @Test
  void mysqlProjectUsesPyMysqlAndAMysqlService() {
    GeneratedProject project = generator.generate(PythonRunner.spec("nasty.json"));

    assertThat(project.text("requirements.txt")).contains("PyMySQL").doesNotContain("psycopg2");
    assertThat(project.text("docker-compose.yml")).contains("mysql:8.4");
    assertThat(project.text(".dockerignore").lines()).contains(".env", "*.db");
    assertThat(project.text(".env.example")).contains("mysql+pymysql://");
  }

  @Test
  void reservedNamesBecomeUnderscoredAttributesAndKeepTheirColumnsAndJsonKeys() {
    GeneratedProject project = generator.generate(PythonRunner.spec("reserved-names.json"));

    assertThat(project.text("app/models.py"))
        .contains("from_ = _db.Column(\"from\", _sa.String(40), nullable=False)")
        .contains("metadata_ = _db.Column(\"metadata\", _sa.String(60), nullable=True)")
        .contains("query_ = _db.Column(\"query\", _sa.String(60), nullable=True)")
        .contains("    group = _db.Column(_sa.String(30), nullable=True)")
        .contains("class None_(_db.Model):")
        .contains("class Exception(_db.Model):")
        .contains("return_ = _db.relationship(")
        .contains("_at_least(\"default\", \"0\", \"ck_users_default_min\")");
    assertThat(project.text("app/schemas.py"))
        .contains("\"from_\": fields.String(\n            data_key=\"from\"")
        .contains("NoneSchema = Schema.from_dict(");
    assertThat(project.text("migrations/versions/0001_initial.py"))
        .contains("_sa.Column(\"from\", _sa.String(40), nullable=False)")
        .contains("\"values\",");
    assertThat(project.files()).containsKeys("app/routes/class.py", "tests/test_none_api.py");
  }

  private static String libraryFeatures() {
    return "\"features\": { \"auth\": \"jwt\", \"pagination\": true, \"openapi\": true,"
        + " \"docker\": true, \"tests\": true }";
  }

  private static void assertPasses(GeneratedProject project, Path dir) {
    PythonRunner.write(project, dir);

    PythonRunner.Result result = PythonRunner.pytest(dir);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .containsPattern("\\d+ passed")
        .doesNotContainPattern("\\d+ (failed|errors?)\\b");
  }
}
