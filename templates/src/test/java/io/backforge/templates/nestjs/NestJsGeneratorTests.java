package io.backforge.templates.nestjs;

import static io.backforge.templates.generate.GeneratedProjectAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.spec.ProjectSpec;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generation-only checks of the NestJS pack: which files a spec gets and what they say. Building
 * and running the projects is {@link NestJsProjectIntegrationTests}.
 */
class NestJsGeneratorTests {

  static final String FEATURES_OFF =
      "\"features\": { \"auth\": \"none\", \"pagination\": false, \"openapi\": false,"
          + " \"docker\": false, \"tests\": true }";

  private final NestJsGenerator generator = new NestJsGenerator();

  static String libraryFeatures() {
    return "\"features\": { \"auth\": \"jwt\", \"pagination\": true, \"openapi\": true,"
        + " \"docker\": true, \"tests\": true }";
  }

  @Test
  void libraryProjectHasTheFilesOfTheExemplar() {
    GeneratedProject project = generator.generate(NodeRunner.spec("library.json"));

    assertThat(project)
        .filePaths()
        .contains(
            "src/author/author.entity.ts",
            "src/author/author.controller.ts",
            "src/book/book.entity.ts",
            "src/book/book.controller.ts",
            "src/migrations/0001-initial.ts",
            "src/auth/auth.controller.ts",
            "src/auth/bearer.guard.ts",
            "src/openapi.json",
            "src/openapi.ts",
            "test/author.test.ts",
            "test/book.test.ts",
            "test/auth.test.ts",
            "test/hostile.test.ts",
            "package.json",
            "package-lock.json",
            ".npmrc",
            ".env.example",
            "Dockerfile",
            "docker-compose.yml",
            "README.md",
            "backforge.json");
  }

  @Test
  void everyProjectGetsTheSameLockfile() {
    String library = generator.generate(NodeRunner.spec("library.json")).text("package-lock.json");
    String shop = generator.generate(NodeRunner.spec("shop.json")).text("package-lock.json");

    assertThat(shop).isEqualTo(library).contains("\"typeorm\": \"1.1.2\"");
  }

  @Test
  void featuresOffLeaveOutAuthOpenApiAndDocker() {
    ProjectSpec spec = NodeRunner.spec("library.json", Map.of(libraryFeatures(), FEATURES_OFF));

    GeneratedProject project = generator.generate(spec);

    assertThat(project)
        .doesNotContainFiles(
            "src/auth/auth.controller.ts",
            "src/openapi.json",
            "src/openapi.ts",
            "test/auth.test.ts",
            "test/openapi.test.ts",
            "Dockerfile",
            "docker-compose.yml");
    assertThat(project.text("src/crud.ts")).contains("export const PAGINATED: boolean = false;");
    assertThat(project.text("src/author/author.controller.ts")).doesNotContain("BearerGuard");
    assertThat(project.text("src/app.module.ts")).doesNotContain("JwtModule");
  }

  @Test
  void projectWithoutTestsHasNoTestFolderNorTestScript() {
    ProjectSpec spec =
        NodeRunner.spec(
            "library.json",
            Map.of(
                libraryFeatures(),
                libraryFeatures().replace("\"tests\": true", "\"tests\": false")));

    GeneratedProject project = generator.generate(spec);

    assertThat(project.files().keySet()).noneMatch(path -> path.startsWith("test/"));
    assertThat(project.text("package.json")).doesNotContain("\"test\":");
  }

  @ParameterizedTest
  @ValueSource(strings = {"library.json", "shop.json", "blog.json", "reserved-names.json"})
  void generationIsDeterministic(String name) {
    ProjectSpec spec = NodeRunner.spec(name);

    GeneratedProject first = generator.generate(spec);
    GeneratedProject second = generator.generate(spec);

    assertThat(first.files().keySet()).isEqualTo(second.files().keySet());
    first.files().forEach((path, bytes) -> assertThat(second.files().get(path)).isEqualTo(bytes));
  }

  @Test
  void namesEveryObjectHasBecomeOtherPropertiesButKeepTheirJsonKeys() {
    GeneratedProject project = generator.generate(NodeRunner.spec("reserved-names.json"));

    assertThat(project.text("src/user/user.entity.ts")).contains("toString_!: string | null;");
    assertThat(project.text("src/user/user.controller.ts"))
        .contains("{ key: \"toString\", property: \"toString_\", kind: \"string\"");
  }

  @Test
  void manyToManyAndOneToManyGetTheirListRoutes() {
    GeneratedProject project = generator.generate(NodeRunner.spec("/nestjs/every-option.json"));

    String person = project.text("src/person/person.controller.ts");
    assertThat(person)
        .contains("@Get(\":id/friends\")")
        .contains("this.crud.listLinked(PERSON, id, request, \"friendsIds\")")
        .contains("@Get(\":id/sent\")")
        .contains("this.crud.listReferencing(PERSON, id, request, \"Message\", \"senderId\")");
    assertThat(project.text("src/migrations/0001-initial.ts"))
        .contains("name: \"person_friends\"")
        .contains("\"source_id\"")
        .contains("\"target_id\"")
        .contains("name: \"ck_persons_role_enum\"");
  }

  @Test
  void referencesInACycleGetTheirLateForeignKeyAfterBothTables() {
    String migration =
        generator.generate(NodeRunner.spec("cycle.json")).text("src/migrations/0001-initial.ts");

    assertThat(migration).contains("await queryRunner.createForeignKey(");
    assertThat(migration).contains("await queryRunner.dropForeignKey(");
  }

  @Test
  void fortyEntitiesRunTheirTestsInTwoShards() {
    GeneratedProject project = generator.generate(NodeRunner.specOf(manyEntities(40)));

    assertThat(project).filePaths().contains("test/shard-1.ts", "test/shard-2.ts");
    assertThat(project.text("package.json"))
        .contains("--test --test-concurrency=2 dist/test/shard-1.js dist/test/shard-2.js");
    String shards = project.text("test/shard-1.ts") + project.text("test/shard-2.ts");
    assertThat(shards.lines().filter(line -> line.startsWith("import "))).hasSize(45);
  }

  /** A spec of {@code count} entities of a few fields each, every other one pointing back. */
  static String manyEntities(int count) {
    StringBuilder entities = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        entities.append(",");
      }
      entities
          .append("{\"name\": \"Thing")
          .append(i)
          .append("\", \"fields\": [")
          .append(
              String.join(
                  ", ",
                  Arrays.asList(
                      "{\"name\": \"title\", \"type\": \"string\", \"required\": true}",
                      "{\"name\": \"count\", \"type\": \"integer\", \"min\": 0}",
                      "{\"name\": \"price\", \"type\": \"decimal\"}",
                      "{\"name\": \"done\", \"type\": \"boolean\"}")))
          .append("]");
      if (i % 2 == 1) {
        entities
            .append(", \"relations\": [{\"name\": \"previous\", \"kind\": \"many-to-one\",")
            .append(" \"target\": \"Thing")
            .append(i - 1)
            .append("\"}]");
      }
      entities.append("}");
    }
    return "{\"name\": \"many-things\", \"stack\": \"flask\", \"database\": \"sqlite\","
        + " \"entities\": ["
        + entities
        + "], \"features\": {\"auth\": \"jwt\"}}";
  }
}
