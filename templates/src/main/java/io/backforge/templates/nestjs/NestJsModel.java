package io.backforge.templates.nestjs;

import static io.backforge.templates.nestjs.TsLiterals.string;

import io.backforge.templates.generate.GeneratedApi;
import io.backforge.templates.generate.MarkdownText;
import io.backforge.templates.relational.Relations;
import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.Database;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template model of a NestJS project: every decision (names, column types, descriptors, sample
 * values, which tests apply) is made here and in the classes it delegates to, so the templates only
 * substitute and repeat.
 */
final class NestJsModel {

  /** From this many entities on, the suite runs as two shards in two processes. */
  static final int SHARD_FROM = 12;

  private final ProjectSpec spec;
  private final Relations relations;
  private final MigrationModel migration;
  private final TestModel tests;

  NestJsModel(ProjectSpec spec) {
    this.spec = spec;
    this.relations = new Relations(spec);
    this.migration = new MigrationModel(spec, relations);
    this.tests = new TestModel(spec, relations);
  }

  boolean jwt() {
    return spec.features().auth() == Auth.JWT;
  }

  /** The values every template sees. */
  Map<String, Object> project() {
    Map<String, Object> m = new LinkedHashMap<>();
    Database database = spec.database();
    String dbName = spec.name().snake();
    String description = MarkdownText.inline(spec.description());
    m.put("projectName", spec.name().kebab());
    m.put("descriptionMarkdown", description);
    m.put("hasDescription", spec.description() != null && !spec.description().isBlank());
    m.put("descriptionJson", string(spec.description() == null ? "" : spec.description()));
    m.put("jwt", jwt());
    m.put("openapi", spec.features().openapi());
    m.put("docker", spec.features().docker());
    m.put("tests", spec.features().tests());
    m.put("paginated", spec.features().pagination());
    m.put(
        "hasManyToMany",
        spec.entities().stream()
            .anyMatch(e -> !Relations.ofKind(e, RelationKind.MANY_TO_MANY).isEmpty()));
    m.put("postgresql", database == Database.POSTGRESQL);
    m.put("mysql", database == Database.MYSQL);
    m.put("sqlite", database == Database.SQLITE);
    m.put("dbName", dbName);
    // MySQL accounts match the client's address: the README creates the user at 127.0.0.1.
    String host = database == Database.MYSQL ? "127.0.0.1" : "localhost";
    m.put("databaseUrl", databaseUrl(database, dbName, host, "change-me"));
    m.put("composeDatabaseUrl", composeDatabaseUrl(database, dbName));
    m.put("databaseSetup", databaseSetup(database, dbName));
    String first =
        spec.entities().isEmpty() ? "/health" : GeneratedApi.collectionPath(spec.entities().get(0));
    m.put("firstPath", first);
    m.put("protectedUrlLiteral", string(first));
    List<Map<String, Object>> entities = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      entities.add(new EntityModel(entity, relations).model());
    }
    m.put("entities", entities);
    m.put("entityClasses", entityClasses());
    m.put("controllerClasses", controllerClasses());
    List<String> order = new ArrayList<>(migration.creationOrder());
    if (jwt()) {
      order.add(0, "auth_accounts");
    }
    Collections.reverse(order);
    m.put("tablesChildrenFirst", TsLiterals.strings(order));
    m.putAll(migration.model());
    m.put("routes", routes());
    m.put("routeRows", routeRows());
    m.put("factories", tests.factories());
    m.putAll(tests.hostile());
    m.put("testModules", testModules());
    m.put("testCommand", testCommand());
    return m;
  }

  /** The cases of {@code entity}'s test file, over the project's values. */
  Map<String, Object> entityTest(Map<String, Object> project, int index) {
    Map<String, Object> m = new LinkedHashMap<>(project);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entities = (List<Map<String, Object>>) project.get("entities");
    m.putAll(entities.get(index));
    m.putAll(tests.entityCases(spec.entities().get(index)));
    return m;
  }

  private String entityClasses() {
    List<String> out = new ArrayList<>();
    if (jwt()) {
      out.add("AuthAccount");
    }
    spec.entities().forEach(e -> out.add(TsNames.entityClass(e.name())));
    return String.join(", ", out);
  }

  private String controllerClasses() {
    List<String> out = new ArrayList<>(List.of("HealthController"));
    if (spec.features().openapi()) {
      out.add("OpenApiController");
    }
    if (jwt()) {
      out.add("AuthController");
    }
    spec.entities().forEach(e -> out.add(TsNames.controllerClass(e.name())));
    return String.join(", ", out);
  }

  /** The test modules, one shard or two. */
  List<String> testModules() {
    List<String> out = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      out.add(TsNames.stem(entity.name()) + ".test");
    }
    if (jwt()) {
      out.add("auth.test");
    }
    out.addAll(List.of("health.test", "hostile.test", "migrations.test"));
    if (spec.features().openapi()) {
      out.add("openapi.test");
    }
    Collections.sort(out);
    return out;
  }

  boolean sharded() {
    return spec.entities().size() >= SHARD_FROM;
  }

  /** The test modules of shard {@code shard} (0 or 1): every other module. */
  List<String> shard(int shard) {
    List<String> all = testModules();
    List<String> out = new ArrayList<>();
    for (int i = shard; i < all.size(); i += 2) {
      out.add(all.get(i));
    }
    return out;
  }

  private String testCommand() {
    String node = "node --disable-wasm-trap-handler --enable-source-maps";
    return sharded()
        ? node + " --test --test-concurrency=2 dist/test/shard-1.js dist/test/shard-2.js"
        : node + " dist/test/main.js";
  }

  /**
   * One operation of the app.
   *
   * @param path its path template
   * @param method its HTTP method
   * @param purpose what it does, for the README
   */
  private record Operation(String path, String method, String purpose) {}

  /** The operations the app has (the OpenAPI document's), for 405 and the README. */
  private List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    out.add(new Operation("/health", "GET", "Liveness"));
    if (jwt()) {
      out.add(new Operation("/auth/register", "POST", "Create an account"));
      out.add(new Operation("/auth/login", "POST", "Get an access token"));
    }
    if (spec.features().openapi()) {
      out.add(new Operation("/openapi.json", "GET", "OpenAPI document"));
    }
    for (EntitySpec entity : spec.entities()) {
      String base = GeneratedApi.collectionPath(entity);
      String name = entity.name().pascal();
      String one = article(name);
      out.add(new Operation(base, "GET", "List " + name + " rows"));
      out.add(new Operation(base, "POST", "Create " + one));
      out.add(new Operation(base + "/{id}", "GET", "Read " + one));
      out.add(new Operation(base + "/{id}", "PUT", "Replace " + one));
      out.add(new Operation(base + "/{id}", "PATCH", "Change fields of " + one));
      out.add(new Operation(base + "/{id}", "DELETE", "Delete " + one));
      for (RelationSpec relation : entity.relations()) {
        boolean linked =
            relation.kind() == RelationKind.MANY_TO_MANY
                || (relation.kind() == RelationKind.ONE_TO_MANY
                    && relations.inverse(entity, relation).isPresent());
        if (linked) {
          out.add(
              new Operation(
                  base + "/{id}/" + relation.name().kebab(),
                  "GET",
                  "List the " + relation.target().pascal() + " rows of " + one));
        }
      }
    }
    return out;
  }

  private static String article(String name) {
    return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  private List<Map<String, Object>> routes() {
    Map<String, List<String>> byPath = new LinkedHashMap<>();
    for (Operation operation : operations()) {
      byPath.computeIfAbsent(operation.path(), p -> new ArrayList<>()).add(operation.method());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byPath.forEach(
        (path, methods) ->
            out.add(Map.of("pathLiteral", string(path), "methods", TsLiterals.strings(methods))));
    return out;
  }

  private List<Map<String, Object>> routeRows() {
    return operations().stream()
        .map(
            o ->
                Map.<String, Object>of(
                    "method", o.method(), "path", o.path(), "purpose", o.purpose()))
        .toList();
  }

  private static String databaseUrl(Database database, String name, String host, String pw) {
    return switch (database) {
      case POSTGRESQL -> "postgresql://" + name + ":" + pw + "@" + host + ":5432/" + name;
      case MYSQL -> "mysql://" + name + ":" + pw + "@" + host + ":3306/" + name;
      case SQLITE -> "sqlite:data/" + name + ".sqlite";
    };
  }

  private static String composeDatabaseUrl(Database database, String name) {
    return switch (database) {
      case POSTGRESQL -> databaseUrl(database, name, "db", "${POSTGRES_PASSWORD}");
      case MYSQL -> databaseUrl(database, name, "db", "${MYSQL_PASSWORD}");
      case SQLITE -> "sqlite:/srv/data/" + name + ".sqlite";
    };
  }

  private static String databaseSetup(Database database, String name) {
    return switch (database) {
      case POSTGRESQL ->
          "Create the database and the role that owns it (the password is the one in"
              + " `DATABASE_URL` in\n`.env.example`; choose your own and change both):\n\n```sh\n"
              + "sudo -u postgres psql -c \"CREATE ROLE \\\""
              + name
              + "\\\" LOGIN PASSWORD 'change-me'\"\nsudo -u postgres createdb --owner "
              + name
              + " "
              + name
              + "\n```\n\n";
      case MYSQL ->
          "Create the database and its user (the password is the one in `DATABASE_URL` in\n"
              + "`.env.example`; choose your own and change both):\n\n```sh\n"
              + "sudo mysql -e \"CREATE DATABASE "
              + name
              + "; CREATE USER '"
              + name
              + "'@'127.0.0.1' IDENTIFIED BY 'change-me'; GRANT ALL ON "
              + name
              + ".* TO '"
              + name
              + "'@'127.0.0.1'\"\n```\n\n";
      case SQLITE ->
          "The database is a SQLite file (`data/" + name + ".sqlite`), created at start-up.\n\n";
    };
  }
}
