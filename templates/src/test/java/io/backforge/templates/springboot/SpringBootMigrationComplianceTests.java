package io.backforge.templates.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The PostgreSQL and MySQL migrations of every spec under {@code specs/} and {@code compliance/},
 * generated for the Spring Boot stack, applied with Flyway's Java API to the local PostgreSQL
 * (127.0.0.1:5432, user postgres) and MariaDB (127.0.0.1:3306, user root), each into a fresh
 * database that is dropped afterwards; skipped with a note when a server is not there. The H2
 * migration is applied by every generated project's own tests.
 */
class SpringBootMigrationComplianceTests {

  private static final Path ROOT = Path.of("target", "spring-boot-migrations").toAbsolutePath();
  private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

  private static final Map<String, String> specs = new TreeMap<>();

  @BeforeAll
  static void readSpecs() throws IOException, URISyntaxException {
    for (String folder : List.of("specs", "compliance")) {
      for (Path file : SpringBootComplianceTests.jsonFiles(folder)) {
        specs.put(
            file.getFileName().toString().replace(".json", ""),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> postgresqlAndMysqlMigrationsApplyToRealServers() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String module : specs.keySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              module + " on PostgreSQL", () -> migrate(module, "postgresql", PG_URL, "postgres")));
      tests.add(
          DynamicTest.dynamicTest(
              module + " on MariaDB", () -> migrate(module, "mysql", MARIADB_URL, "root")));
    }
    return tests.stream();
  }

  private static void migrate(String module, String database, String server, String user)
      throws Exception {
    Assumptions.assumeTrue(reachable(server, user), "no database server at " + server);
    GeneratedProject project = SpringBootComplianceTests.generate(specs.get(module), database);
    Path dir = ROOT.resolve(module + "-" + database);
    SpringBootComplianceTests.write(project, dir);
    String name =
        (System.getenv().getOrDefault("BACKFORGE_TEST_DB", "backforge_test")
                + "_sb_"
                + module
                + "_"
                + database.charAt(0))
            .replaceAll("[^A-Za-z0-9_]", "_")
            .toLowerCase(Locale.ROOT);
    String create =
        database.equals("mysql")
            ? "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
            : "CREATE DATABASE " + name;
    execute(server, user, "DROP DATABASE IF EXISTS " + name, create);
    try {
      Path sql = dir.resolve("src/main/resources/db/migration/" + database);
      Flyway flyway =
          Flyway.configure()
              .dataSource(server + name, user, "")
              .locations("filesystem:" + sql)
              .placeholderReplacement(false)
              .load();
      assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
      assertThat(tables(server + name, user)).containsAll(expectedTables(project));
    } finally {
      execute(server, user, "DROP DATABASE IF EXISTS " + name);
    }
  }

  private static List<String> expectedTables(GeneratedProject project) {
    List<String> out = new ArrayList<>();
    Matcher m =
        Pattern.compile("CREATE TABLE [\"`]([a-z0-9_]+)[\"`]")
            .matcher(
                project.files().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("V1__initial_schema.sql"))
                    .map(e -> new String(e.getValue(), StandardCharsets.UTF_8))
                    .findFirst()
                    .orElseThrow());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static TreeSet<String> tables(String url, String user) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(url, user, "");
        ResultSet rs =
            c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    }
    return out;
  }

  private static boolean reachable(String server, String user) {
    try (Connection c = DriverManager.getConnection(server, user, "")) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void execute(String server, String user, String... statements)
      throws SQLException {
    String url = server.startsWith(PG_URL) ? server + "postgres" : server;
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}
