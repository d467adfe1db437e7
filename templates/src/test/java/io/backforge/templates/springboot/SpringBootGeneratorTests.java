package io.backforge.templates.springboot;

import static io.backforge.templates.generate.GeneratedProjectAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.enrich.Enrichment;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.generate.ProjectZipper;
import io.backforge.templates.spec.Identifier;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpringBootGeneratorTests {

  @Test
  void javaKeywordsGetATrailingUnderscoreAndOtherNamesStay() {
    assertThat(JavaNames.member("new")).isEqualTo("new_");
    assertThat(JavaNames.member("record")).isEqualTo("record_");
    assertThat(JavaNames.member("var")).isEqualTo("var_");
    assertThat(JavaNames.member("title")).isEqualTo("title");
    assertThat(JavaNames.member("newValue")).isEqualTo("newValue");
  }

  @Test
  void namesARecordComponentMayNotHaveGetATrailingUnderscoreAndClassGetsItsOwnGetter() {
    assertThat(JavaNames.member("hashCode")).isEqualTo("hashCode_");
    assertThat(JavaNames.member("toString")).isEqualTo("toString_");
    assertThat(JavaNames.member("wait")).isEqualTo("wait_");
    assertThat(JavaNames.member("equals")).isEqualTo("equals");
    assertThat(JavaNames.accessor("class")).isEqualTo("Class_");
    assertThat(JavaNames.accessor("classic")).isEqualTo("Classic");

    GeneratedProject project = generate("reserved-names.json", "postgresql");
    String base = "src/main/java/com/example/default_/";
    assertThat(project)
        .file(base + "web/UserRequest.java")
        .contains("@JsonProperty(\"hashCode\") Long hashCode_")
        .contains("@JsonProperty(\"class\") String class_");
    assertThat(project)
        .containsFiles(
            base + "web/OpenApiEntityController.java",
            base + "web/ListEntityResponse.java",
            base + "domain/OpenApiEntity.java",
            base + "domain/PageEntity.java")
        .file(base + "domain/User.java")
        .contains("public String getClass_()")
        .contains("@Column(name = \"from\", nullable = false");
  }

  @Test
  void theSigningKeyHasNoDefaultAndTheReadmeMakesOne() {
    GeneratedProject project = generate("library.json", "postgresql");

    assertThat(project)
        .file("src/main/resources/application.yml")
        .contains("secret: ${JWT_SECRET:}")
        .doesNotContain("dev-only");
    assertThat(project).file(".env.example").doesNotContain("JWT_SECRET=");
    assertThat(project)
        .file("README.md")
        .contains("echo \"JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\\n')\" >> .env");
  }

  @Test
  void entitiesThatWouldShadowJavaLangGeneratedOrDerivedTypesAreSuffixedWithEntity() {
    Map<Identifier, String> classes = JavaNames.entityClasses(spec("java-names.json", null));
    Map<String, String> byName = new TreeMap<>();
    classes.forEach((name, java) -> byName.put(name.value(), java));
    assertThat(byName)
        .containsEntry("Object", "ObjectEntity")
        .containsEntry("String", "StringEntity")
        .containsEntry("Record", "RecordEntity")
        .containsEntry("Thread", "ThreadEntity")
        .containsEntry("Application", "ApplicationEntity")
        .containsEntry("Page", "PageEntity")
        .containsEntry("ProblemHandler", "ProblemHandlerEntity")
        .containsEntry("TagRequest", "TagRequestEntity")
        .containsEntry("Tag", "Tag")
        .containsEntry("Order", "Order")
        .containsEntry("Group", "Group");
  }

  @Test
  void everyClassTheGeneratedWebPackageDeclaresIsTakenForEntities() throws IOException {
    GeneratedProject project = generate("library.json", null);
    String web = "src/main/java/com/example/library_service/web/";
    List<String> shared =
        project.files().keySet().stream()
            .filter(p -> p.startsWith(web) && p.endsWith(".java"))
            .map(p -> p.substring(web.length(), p.length() - ".java".length()))
            .filter(name -> !name.startsWith("Author") && !name.startsWith("Book"))
            .toList();
    assertThat(shared).isNotEmpty();
    assertThat(JavaNames.GENERATED_TYPES).containsAll(shared);
  }

  @Test
  void hostileInputTestsTakeTheFirstFieldOfEachKindTheSpecHas() {
    String shop =
        generate("shop.json", null)
            .text("src/test/java/com/example/shop_backend/web/HostileInputTests.java");
    assertThat(shop)
        .contains("fixtures.field(body, \"fullName\")")
        .contains("fixtures.get(\"/api/products?stock=\" + BEYOND_64_BITS)")
        .contains("fixtures.get(\"/api/orders?placedAt=2024-01-01T10:00:00.123456789Z\")")
        .contains("void aDecimalIsAcceptedAsANumericStringAndAnsweredAsANumber()")
        .contains("fixtures.get(\"/api/customers?page=\" + BEYOND_64_BITS)");
    String minimal =
        generate("minimal.json", null)
            .text("src/test/java/com/example/minimal/web/HostileInputTests.java");
    assertThat(minimal)
        .contains("void textWithANulOrALoneSurrogateIsABadRequestOnEveryDatabase()")
        .contains("void aBodyOver1MiBIsContentTooLargeWithOrWithoutALength()")
        .doesNotContain("aWholeNumberBeyond64Bits")
        .doesNotContain("aDateTimeFinerThanAMicrosecond")
        .doesNotContain("aDecimalIsAccepted")
        .doesNotContain("?page=");
  }

  @Test
  void keywordFieldsKeepTheirJsonColumnAndTableNames() {
    GeneratedProject project = generate("java-names.json", null);
    String base = "src/main/java/com/example/java_names/";
    assertThat(project.text(base + "web/ObjectRequest.java"))
        .contains("@JsonProperty(\"new\") @NotNull @Size(max = 40) String new_")
        .contains("@JsonProperty(\"public\") Boolean public_");
    assertThat(project.text(base + "domain/ObjectEntity.java"))
        .contains("@Table(name = \"objects\")")
        .contains("@Column(name = \"new\", nullable = false, unique = true, length = 40)")
        .contains("private String new_;")
        .contains("public String getNew()");
    assertThat(project.text(base + "web/OrderController.java"))
        .contains("Map.entry(\"groupId\", new ListQuery.Column(\"group.id\"");
    assertThat(project.text("src/main/resources/db/migration/h2/V1__initial_schema.sql"))
        .contains("CREATE TABLE \"orders\"")
        .contains("CREATE TABLE \"groups\"")
        .contains("\"new\" VARCHAR(40) NOT NULL");
  }

  @Test
  void theMavenWrapperIsExecutableOnceUnzipped(@TempDir Path dir) throws Exception {
    GeneratedProject project = generate("library.json", null);
    Path zip = dir.resolve("project.zip");
    Files.write(zip, ProjectZipper.zip(project));

    Process unzip =
        new ProcessBuilder("unzip", "-q", zip.toString(), "-d", dir.resolve("out").toString())
            .inheritIO()
            .start();

    assertThat(unzip.waitFor()).isZero();
    Path root = dir.resolve("out").resolve(project.rootFolder());
    assertThat(Files.isExecutable(root.resolve("mvnw"))).isTrue();
    assertThat(Files.isExecutable(root.resolve("pom.xml"))).isFalse();
    assertThat(Files.isExecutable(root.resolve("mvnw.cmd"))).isFalse();
  }

  @Test
  void theSameSpecGivesTheSameBytes() {
    GeneratedProject first = generate("nasty.json", null);
    GeneratedProject second = generate("nasty.json", null);
    assertThat(second.files().keySet()).containsExactlyElementsOf(first.files().keySet());
    first.files().forEach((path, bytes) -> assertThat(second.files().get(path)).isEqualTo(bytes));
    assertThat(Arrays.equals(ProjectZipper.zip(first), ProjectZipper.zip(second))).isTrue();
  }

  @Test
  void javaSourcesAreTheSameOnEveryDatabase() {
    Map<String, String> postgresql = javaSources(generate("shop.json", "postgresql"));
    assertThat(postgresql).isNotEmpty();
    assertThat(javaSources(generate("shop.json", "mysql"))).isEqualTo(postgresql);
    assertThat(javaSources(generate("shop.json", "sqlite"))).isEqualTo(postgresql);
  }

  @Test
  void eachDatabaseGetsItsOwnMigrationAndH2IsAlwaysThereForTheTests() {
    assertThat(migrations(generate("shop.json", "postgresql"))).containsExactly("h2", "postgresql");
    assertThat(migrations(generate("shop.json", "mysql"))).containsExactly("h2", "mysql");
    assertThat(migrations(generate("shop.json", "sqlite"))).containsExactly("h2");
    String mysql =
        generate("nasty.json", "mysql")
            .text("src/main/resources/db/migration/mysql/V1__initial_schema.sql");
    assertThat(mysql)
        .contains("CREATE TABLE `gadgets`")
        .contains("'back\\\\slash'")
        .contains("'say \"hi\"'")
        .contains("DEFAULT CHARSET=utf8mb4");
    String postgresql =
        generate("nasty.json", "postgresql")
            .text("src/main/resources/db/migration/postgresql/V1__initial_schema.sql");
    assertThat(postgresql).contains("'back\\slash'").contains("CREATE TABLE \"gadget_related\"");
  }

  @Test
  void buildFilesFollowTheFeatures() {
    GeneratedProject library = generate("library.json", null);
    assertThat(library.files().keySet())
        .contains(
            "mvnw",
            "mvnw.cmd",
            ".mvn/wrapper/maven-wrapper.properties",
            ".gitignore",
            ".env.example",
            "Dockerfile",
            "docker-compose.yml",
            "README.md",
            "backforge.json");
    assertThat(library.text("pom.xml"))
        .contains("<version>4.0.7</version>")
        .contains("<artifactId>swagger-ui</artifactId>")
        .doesNotContain("springdoc")
        .contains("spring-boot-starter-security-oauth2-resource-server")
        .contains("<arg>-Xlint:all</arg>")
        .contains("<scope>test</scope>");
    GeneratedProject minimal = generate("minimal.json", "sqlite");
    assertThat(minimal.text("pom.xml"))
        .doesNotContain("security")
        .contains("<artifactId>h2</artifactId>\n      <scope>runtime</scope>");
    assertThat(minimal.text("src/main/resources/application.yml")).contains("jdbc:h2:file:./data/");
  }

  @Test
  void theProjectGeneratorKnowsTheStack() {
    ProjectSpec spec = spec("library.json", null);
    assertThat(new ProjectGenerator().generate(spec))
        .containsFiles("src/main/java/com/example/library_service/web/BookController.java");
  }

  @Test
  void enrichmentDescriptionsBecomeJavadocAndOpenApiDescriptionsWhereTheSpecHasNone() {
    ProjectSpec spec = spec("library.json", null);
    Enrichment enrichment =
        new Enrichment(
            List.of("An overview"),
            List.of(
                new Enrichment.EntityNotes(
                    "Book",
                    "A printed <book> */ \\u0041",
                    Map.of("title", "The title on the cover"),
                    List.of())));
    GeneratedProject enriched = new SpringBootGenerator().generate(spec, enrichment);
    String base = "src/main/java/com/example/library_service/";
    assertThat(enriched.text(base + "domain/Book.java"))
        .contains(" * <p>A printed &#60;book&#62; &#42;&#47; &#92;u0041")
        .contains("  /** The title on the cover */");
    assertThat(enriched.text("src/main/resources/openapi.json"))
        .contains("\"description\" : \"The title on the cover\"");
    assertThat(enriched.text("backforge.json")).doesNotContain("The title on the cover");
    GeneratedProject plain = new SpringBootGenerator().generate(spec);
    GeneratedProject empty = new SpringBootGenerator().generate(spec, Enrichment.empty());
    plain.files().forEach((path, bytes) -> assertThat(empty.files().get(path)).isEqualTo(bytes));
  }

  @Test
  void javaLiteralsEscapeQuotesBackslashesAndEverythingOutsideAscii() {
    assertThat(JavaLiterals.string("a\"b\\c\u2603\n\\u0022"))
        .isEqualTo("\"a\\\"b\\\\c\\u2603\\n\\\\u0022\"");
  }

  private static Map<String, String> javaSources(GeneratedProject project) {
    Map<String, String> out = new TreeMap<>();
    project.files().keySet().stream()
        .filter(path -> path.endsWith(".java"))
        .forEach(path -> out.put(path, project.text(path)));
    return out;
  }

  private static List<String> migrations(GeneratedProject project) {
    return project.files().keySet().stream()
        .filter(p -> p.startsWith("src/main/resources/db/migration/"))
        .map(p -> p.split("/")[5])
        .sorted()
        .toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"library.json", "blog.json", "cycle.json", "long-names.json", "nasty.json"})
  void readmePromisesExactlyTheRelationListsTheControllersServe(String resource) {
    GeneratedProject project = generate(resource, null);
    Pattern base = Pattern.compile("@RequestMapping\\(\"(/api/[^\"]+)\"\\)");
    Pattern sub = Pattern.compile("@GetMapping\\(\"(/\\{id\\}/[^\"]+)\"\\)");
    Set<String> served = new TreeSet<>();
    project.files().keySet().stream()
        .filter(path -> path.endsWith("Controller.java"))
        .map(project::text)
        .forEach(
            source -> {
              Matcher root = base.matcher(source);
              Matcher list = sub.matcher(source);
              while (root.find() && list.find()) {
                served.add(root.group(1) + list.group(1));
                list.results().forEach(more -> served.add(root.group(1) + more.group(1)));
              }
            });
    Set<String> promised = new TreeSet<>();
    Matcher promise =
        Pattern.compile("`GET (/api/[^`]*/\\{id\\}/[^`]+)`").matcher(project.text("README.md"));
    while (promise.find()) {
      promised.add(promise.group(1));
    }

    assertThat(promised).isEqualTo(served);
    assertThat(project.text("README.md")).doesNotContain("/api/<entities>/{id}/<relation>");
  }

  private static GeneratedProject generate(String resource, String database) {
    return SpringBootComplianceTests.generate(json(resource), database);
  }

  private static ProjectSpec spec(String resource, String database) {
    String json =
        json(resource).replaceFirst("\"stack\"\\s*:\\s*\"[a-z-]+\"", "\"stack\": \"spring-boot\"");
    if (database != null) {
      json =
          json.replaceFirst(
              "\"database\"\\s*:\\s*\"[a-z]+\"", "\"database\": \"" + database + "\"");
    }
    return new SpecValidator().validate(json.getBytes(StandardCharsets.UTF_8)).spec();
  }

  private static String json(String resource) {
    for (String folder : List.of("/specs/", "/compliance/")) {
      try (InputStream in = SpringBootGeneratorTests.class.getResourceAsStream(folder + resource)) {
        if (in != null) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    throw new IllegalArgumentException("no spec " + resource);
  }
}
