package io.backforge.templates.flask;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A generated project's hostile-input tests ({@code tests/test_hostile.py}, which the project runs
 * on SQLite) run against the local PostgreSQL (127.0.0.1:5432, user postgres) and MariaDB
 * (127.0.0.1:3306, user root), each in a fresh database that is dropped afterwards, through the
 * pytest plugin {@code compliance/hostile_db.py} (the project's own fixtures on {@code
 * DATABASE_URL}, every table emptied before each test, and any 5xx answer fails the test it came
 * from). Every case answers the same 4xx problem there as on SQLite, so no database-specific error
 * (bigint out of range, NUL in a string, TEXT overflow) becomes a 500. Skipped with a note when a
 * server is not there.
 */
class FlaskHostileInputIntegrationTests {

  private static final Map<String, String> SERVERS =
      Map.of(
          "postgresql", "jdbc:postgresql://127.0.0.1:5432/postgres",
          "mysql", "jdbc:mariadb://127.0.0.1:3306/");
  private static final Map<String, String> USERS =
      Map.of("postgresql", "postgres", "mysql", "root");
  private static final Map<String, String> URLS =
      Map.of(
          "postgresql", "postgresql+psycopg2://postgres@127.0.0.1:5432/",
          "mysql", "mysql+pymysql://root@127.0.0.1:3306/");

  @TempDir Path root;

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "nasty.json, postgresql",
    "nasty.json, mysql",
    "shop.json, postgresql",
    "shop.json, mysql"
  })
  void hostileInputAnswersTheSame4xxProblemsOnARealDatabase(String spec, String database)
      throws Exception {
    String server = SERVERS.get(database);
    String user = USERS.get(database);
    Assumptions.assumeTrue(reachable(server, user), "no database server at " + server);
    GeneratedProject project = FlaskComplianceTests.generate(spec, database);
    Path dir = PythonRunner.write(project, root.resolve("project"));
    Path plugins = Files.createDirectories(root.resolve("plugins"));
    try (InputStream in = getClass().getResourceAsStream("/compliance/hostile_db.py")) {
      Files.write(plugins.resolve("hostile_db.py"), in.readAllBytes());
    }
    String name = databaseName(spec, database);
    execute(server, user, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
    try {
      PythonRunner.Result result =
          PythonRunner.run(
              dir,
              300,
              Map.of(
                  "DATABASE_URL",
                  URLS.get(database) + name,
                  "PYTHONPATH",
                  String.join(":", plugins.toString(), dir.toString(), dir.resolve("tests") + "")),
              "-m",
              "pytest",
              "-q",
              "-p",
              "no:cacheprovider",
              "--noconftest",
              "-p",
              "hostile_db",
              "tests/test_hostile.py");

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output())
          .containsPattern("\\d+ passed")
          .doesNotContainPattern("\\d+ (failed|errors?)\\b");
    } finally {
      execute(server, user, "DROP DATABASE IF EXISTS " + name);
    }
  }

  private static String databaseName(String spec, String database) {
    String prefix = System.getenv().getOrDefault("BACKFORGE_TEST_DB", "backforge_test");
    return (prefix + "_hostile_" + spec.replace(".json", "") + "_" + database.charAt(0))
        .replaceAll("[^A-Za-z0-9_]", "_")
        .toLowerCase(Locale.ROOT);
  }

  private static boolean reachable(String server, String user) {
    try (Connection c = DriverManager.getConnection(server, user, "")) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void execute(String server, String user, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(server, user, "");
        Statement statement = c.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }
}
