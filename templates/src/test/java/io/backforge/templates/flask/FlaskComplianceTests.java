package io.backforge.templates.flask;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.spec.ProjectSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every spec under {@code specs/} generated for every database: the project passes {@code black
 * --check}, {@code pyflakes3} and its own pytest suite (which builds its schema by running the
 * Alembic migration), and for PostgreSQL and MySQL the migration also runs against the real server
 * in a throwaway database (skipped with a note when the server is not there). Projects are
 * generated once each and checked two specs at a time. The Python files of a spec's variants are
 * byte-identical (the database only changes the README, requirements and deployment files, and the
 * tests always run on SQLite), so the Python checks run once per distinct set of files; a test
 * asserts that sameness, so a future difference is checked on its own.
 */
class FlaskComplianceTests {

  private static final List<String> DATABASES = List.of("postgresql", "sqlite", "mysql");
  private static final int PARALLELISM = 2;

  @TempDir static Path root;

  private static ExecutorService pool;
  private static final Map<String, Checks> outcomes =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The pending checks of one generated project.
   *
   * @param python black, pyflakes and pytest (shared by variants with the same Python files)
   * @param migration the migration against the real server, or {@code null} for SQLite
   */
  record Checks(Future<PythonChecks> python, Future<PythonRunner.Result> migration) {}

  /**
   * What the Python checks of one generated project printed.
   *
   * @param black {@code black --check .}
   * @param pyflakes {@code pyflakes3 .}
   * @param pytest the project's own tests
   */
  record PythonChecks(
      PythonRunner.Result black, PythonRunner.Result pyflakes, PythonRunner.Result pytest) {}

  @BeforeAll
  static void generateAndCheckEverySpecForEveryDatabase() throws Exception {
    pool = Executors.newFixedThreadPool(PARALLELISM);
    byte[] migrateCheck = resource("/compliance/migrate_check.py");
    for (String spec : specs()) {
      Map<String, GeneratedProject> variants = new java.util.LinkedHashMap<>();
      for (String database : DATABASES) {
        variants.put(database, generate(spec, database));
      }
      Map<Map<String, String>, Future<PythonChecks>> checked = new java.util.HashMap<>();
      for (String database : DATABASES) {
        GeneratedProject project = variants.get(database);
        Path dir = root.resolve(spec.replace(".json", "") + "-" + database);
        PythonRunner.write(project, dir);
        Future<PythonChecks> python =
            checked.computeIfAbsent(pythonFiles(project), k -> pool.submit(() -> checkPython(dir)));
        Future<PythonRunner.Result> migration =
            database.equals("sqlite")
                ? null
                : pool.submit(() -> checkMigration(dir, spec, database, migrateCheck));
        outcomes.put(spec + " on " + database, new Checks(python, migration));
      }
    }
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  @TestFactory
  Stream<DynamicTest> everySpecOnEveryDatabasePassesBlackPyflakesAndItsOwnTests() {
    return outcomes.keySet().stream()
        .sorted()
        .map(name -> DynamicTest.dynamicTest(name, () -> assertCompliant(outcomes.get(name))));
  }

  private static void assertCompliant(Checks checks) throws Exception {
    PythonChecks python = checks.python().get();
    assertThat(python.black().exitCode()).as(python.black().output()).isZero();
    assertThat(python.pyflakes().exitCode()).as(python.pyflakes().output()).isZero();
    assertThat(python.pyflakes().output()).isBlank();
    assertThat(python.pytest().exitCode()).as(python.pytest().output()).isZero();
    assertThat(python.pytest().output()).contains(" passed").doesNotContain("failed");
    if (checks.migration() != null) {
      PythonRunner.Result migration = checks.migration().get();
      assertThat(migration.exitCode()).as(migration.output()).isZero();
      assertThat(migration.output()).containsAnyOf("OK ", "SKIP ");
    }
  }

  static GeneratedProject generate(String spec, String database) {
    String json = new String(resource("/specs/" + spec), StandardCharsets.UTF_8);
    ProjectSpec parsed =
        PythonRunner.spec(
            json.replaceFirst(
                    "\"database\"\\s*:\\s*\"[a-z]+\"", "\"database\": \"" + database + "\"")
                .getBytes(StandardCharsets.UTF_8));
    return new FlaskGenerator().generate(parsed);
  }

  private static Map<String, String> pythonFiles(GeneratedProject project) {
    Map<String, String> out = new java.util.TreeMap<>();
    project
        .files()
        .forEach(
            (path, content) -> {
              if (path.endsWith(".py")) {
                out.put(path, new String(content, StandardCharsets.UTF_8));
              }
            });
    return out;
  }

  private static PythonChecks checkPython(Path dir) {
    return new PythonChecks(
        PythonRunner.command(dir, 120, "black", "--check", "-q", "."),
        PythonRunner.command(dir, 60, "pyflakes3", "."),
        PythonRunner.pytest(dir));
  }

  private static PythonRunner.Result checkMigration(
      Path dir, String spec, String database, byte[] migrateCheck) throws IOException {
    Path script = dir.resolveSibling(dir.getFileName() + "-migrate_check.py");
    Files.write(script, migrateCheck);
    String name = "bf_compliance_" + spec.replaceAll("[^a-z0-9]", "_") + "_" + database;
    return PythonRunner.run(dir, 120, script.toString(), database, name);
  }

  private static List<String> specs() throws IOException, URISyntaxException {
    Path dir = Path.of(FlaskComplianceTests.class.getResource("/specs").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = new ArrayList<>();
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted(Comparator.naturalOrder())
          .forEach(names::add);
      return names;
    }
  }

  private static byte[] resource(String path) {
    try (InputStream in = FlaskComplianceTests.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
