package io.backforge.templates.springboot;

import static io.backforge.templates.generate.ProjectContributor.when;

import io.backforge.templates.enrich.Enrichment;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectContributor;
import io.backforge.templates.generate.ProjectDescription;
import io.backforge.templates.generate.StackGenerator;
import io.backforge.templates.generate.TemplateRenderer;
import io.backforge.templates.openapi.ApiConventions;
import io.backforge.templates.openapi.OpenApiDocument;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecJson;
import io.backforge.templates.spec.Stack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a Maven project on Spring Boot 4 (Java 17): Spring Web MVC controllers with paged,
 * sorted and filtered lists and RFC 9457 problem details, Spring Data JPA entities, Flyway
 * migrations for the chosen database and H2, Bean Validation, optional stateless JWT auth, an
 * OpenAPI document built from the spec (with a Swagger UI), and a MockMvc test suite on H2.
 * Deterministic and thread-safe.
 */
public final class SpringBootGenerator implements StackGenerator {

  private static final String PACK = "spring-boot/";
  private static final List<String> WEB =
      List.of(
          "ApiException.java",
          "ConnectorErrors.java",
          "ErrorPage.java",
          "InvalidField.java",
          "ListQuery.java",
          "ListResponse.java",
          "MicrosecondPrecision.java",
          "Patches.java",
          "Problem.java",
          "ProblemHandler.java",
          "References.java",
          "RequestBodies.java");
  private static final List<String> AUTH =
      List.of(
          "AuthAccount.java",
          "AuthAccountRepository.java",
          "AuthController.java",
          "SecurityConfig.java",
          "TokenService.java");
  private static final List<String> RAW = List.of("mvnw", "mvnw.cmd");

  /**
   * What the generated Spring Boot code answers where the stacks differ: the document at {@code
   * /v3/api-docs}, the actuator's health (503 when down, its own media type first, its groups
   * listed), decimals as JSON numbers, unknown body keys rejected ({@code RequestBodies}), a
   * non-numeric {@code {id}} failing conversion (400), 413 for a body over 1 MiB, 415 for a body
   * that is not JSON and 406 for an {@code Accept} header without JSON.
   */
  static final ApiConventions API =
      new ApiConventions(
          "/v3/api-docs",
          "/actuator/health",
          List.of("application/vnd.spring-boot.actuator.v3+json", "application/json"),
          List.of("UP", "DOWN", "OUT_OF_SERVICE", "UNKNOWN"),
          true,
          true,
          72,
          false,
          true,
          400,
          List.of(413, 415),
          true);

  private final TemplateRenderer renderer;

  /** A generator with its own renderer. */
  public SpringBootGenerator() {
    this(new TemplateRenderer());
  }

  /** A generator sharing {@code renderer}. */
  public SpringBootGenerator(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  /** {@link SpringBootPack#STACK}. */
  @Override
  public Stack stack() {
    return SpringBootPack.STACK;
  }

  /**
   * The files of the Spring Boot project for {@code spec}: build files and the Maven wrapper, the
   * application, one entity, repository, controller, request and response per entity, migrations,
   * and the files each enabled feature adds. Same spec, same bytes.
   */
  @Override
  public GeneratedProject generate(ProjectSpec spec) {
    return generate(spec, Enrichment.empty());
  }

  /**
   * The project with the descriptions of a validated {@code enrichment} where the spec has none: as
   * Javadoc on entities and their fields and as OpenAPI descriptions. Its overview and sample rows
   * are not rendered by this stack yet. {@code backforge.json} stays the spec as given; an empty
   * enrichment gives the files of {@link #generate(ProjectSpec)}.
   */
  @Override
  public GeneratedProject generate(ProjectSpec original, Enrichment enrichment) {
    ProjectSpec spec = enrichment.describe(original);
    SpringModel model = new SpringModel(spec);
    String packagePath = model.basePackage().replace('.', '/') + "/";
    return ProjectContributor.generate(
        spec.name().kebab(),
        new SpringProject(
            original,
            spec,
            model,
            model.project(),
            "src/main/java/" + packagePath,
            "src/test/java/" + packagePath),
        contributors);
  }

  /**
   * The description the contributors share: the spec as given and as enriched, its Spring model,
   * the templates' scope and the source folders of the base package.
   */
  private record SpringProject(
      ProjectSpec original,
      ProjectSpec spec,
      SpringModel model,
      Map<String, Object> scope,
      String main,
      String test)
      implements ProjectDescription {}

  private final List<ProjectContributor<SpringProject>> contributors =
      List.of(
          this::build,
          this::application,
          when(SpringProject::openapi, this::openApi),
          when(SpringProject::jwt, this::auth),
          when(SpringProject::docker, this::docker),
          this::entities,
          when(SpringProject::tests, this::tests));

  /** The Maven build with its wrapper, the README, configuration and the spec itself. */
  private void build(SpringProject project, GeneratedProject.Builder files) {
    Map<String, Object> scope = project.scope();
    render(files, "pom.xml", "pom.xml", scope);
    render(files, "README.md", "README.md", scope);
    render(files, ".gitignore", "dot-gitignore", scope);
    render(files, ".env.example", "dot-env.example", scope);
    render(files, ".mvn/wrapper/maven-wrapper.properties", "maven-wrapper.properties", scope);
    RAW.forEach(path -> files.bytes(path, raw(path)));
    files.text("backforge.json", SpecJson.write(project.original()));
  }

  /** The application, its configuration, the migrations of every database, the web layer. */
  private void application(SpringProject project, GeneratedProject.Builder files) {
    Map<String, Object> scope = project.scope();
    render(files, "src/main/resources/application.yml", "application.yml", scope);
    for (SqlDialect dialect : project.model().dialects()) {
      files.text(
          "src/main/resources/db/migration/" + dialect.folder() + "/V1__initial_schema.sql",
          project.model().migration(dialect));
    }
    render(files, project.main() + "Application.java", "main/Application.java", scope);
    WEB.forEach(name -> render(files, project.main() + "web/" + name, "main/web/" + name, scope));
  }

  /** The OpenAPI document built from the spec, its controller and a Swagger UI page. */
  private void openApi(SpringProject project, GeneratedProject.Builder files) {
    files.text("src/main/resources/openapi.json", new OpenApiDocument(project.spec(), API).json());
    render(files, "src/main/resources/static/swagger-ui.html", "swagger-ui.html", project.scope());
    render(
        files,
        project.main() + "web/OpenApiController.java",
        "main/web/OpenApiController.java",
        project.scope());
  }

  private void auth(SpringProject project, GeneratedProject.Builder files) {
    AUTH.forEach(
        name ->
            render(files, project.main() + "auth/" + name, "main/auth/" + name, project.scope()));
  }

  private void docker(SpringProject project, GeneratedProject.Builder files) {
    render(files, "Dockerfile", "Dockerfile", project.scope());
    render(files, "docker-compose.yml", "docker-compose.yml", project.scope());
  }

  /** Per entity its entity, repository, controller, request and response and, with tests, tests. */
  private void entities(SpringProject project, GeneratedProject.Builder files) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entities =
        (List<Map<String, Object>>) project.scope().get("entities");
    String main = project.main();
    for (Map<String, Object> entity : entities) {
      Map<String, Object> scope = new LinkedHashMap<>(project.scope());
      scope.putAll(entity);
      render(
          files, main + "domain/" + entity.get("className") + ".java", "main/Entity.java", scope);
      render(
          files,
          main + "domain/" + entity.get("repository") + ".java",
          "main/Repository.java",
          scope);
      render(
          files, main + "web/" + entity.get("controller") + ".java", "main/Controller.java", scope);
      render(files, main + "web/" + entity.get("request") + ".java", "main/Request.java", scope);
      render(files, main + "web/" + entity.get("response") + ".java", "main/Response.java", scope);
      if (project.tests()) {
        render(
            files,
            project.test() + "web/" + entity.get("tests") + ".java",
            "test/ApiTests.java",
            scope);
      }
    }
  }

  /** The suite's shared classes and the tests of the features there are. */
  private void tests(SpringProject project, GeneratedProject.Builder files) {
    Map<String, Object> scope = project.scope();
    String test = project.test() + "web/";
    render(files, "src/test/resources/application-test.yml", "application-test.yml", scope);
    render(files, test + "Fixtures.java", "test/Fixtures.java", scope);
    render(files, test + "HealthTests.java", "test/HealthTests.java", scope);
    render(files, test + "HostileInputTests.java", "test/HostileInputTests.java", scope);
    if (project.openapi()) {
      render(files, test + "OpenApiTests.java", "test/OpenApiTests.java", scope);
    }
    if (project.jwt()) {
      render(files, test + "AuthApiTests.java", "test/AuthApiTests.java", scope);
    }
  }

  private void render(
      GeneratedProject.Builder files, String path, String template, Map<String, Object> model) {
    files.text(path, renderer.render(PACK + template + ".mustache", model));
  }

  private static byte[] raw(String name) {
    String resource = "stacks/" + PACK + "wrapper/" + name;
    try (InputStream in =
        SpringBootGenerator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
