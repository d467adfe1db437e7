package io.backforge.templates.flask;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a Flask project (Flask, Flask-SQLAlchemy, marshmallow, optional JWT and OpenAPI) from
 * the template pack under {@code stacks/flask}, with a pytest suite that exercises every endpoint
 * and constraint. Deterministic and thread-safe.
 */
public final class FlaskGenerator implements StackGenerator {

  private static final String PACK = "flask/";
  private static final List<String> ALWAYS =
      List.of(
          "app/__init__.py",
          "app/config.py",
          "app/crud.py",
          "app/errors.py",
          "app/extensions.py",
          "app/inputs.py",
          "app/models.py",
          "app/schemas.py",
          "app/validation.py",
          "app/routes/__init__.py",
          "migrations/alembic.ini",
          "migrations/env.py",
          "migrations/script.py.mako",
          "wsgi.py",
          "requirements.txt",
          "README.md");
  private static final String MIGRATION = "migrations/versions/0001_initial.py";
  private static final List<String> TESTS =
      List.of(
          "pytest.ini",
          "tests/conftest.py",
          "tests/factories.py",
          "tests/test_health.py",
          "tests/test_hostile.py",
          "tests/test_migrations.py");

  /**
   * What the generated Flask code answers where the stacks differ: the document at {@code
   * /openapi.json}, {@code GET /health} answering {@code {"status": "ok"}}, decimals returned as
   * strings, unknown body keys rejected (marshmallow), {@code <row_id:id>} routes that do not match
   * a non-numeric id or one beyond int64 (404), and, before a body is read ({@code app/inputs.py}),
   * 413 for a body over {@code MAX_CONTENT_LENGTH} (counted as it is read, so also when chunked)
   * and 415 for a body that is not {@code application/json} or a {@code +json} type.
   */
  static final ApiConventions API =
      new ApiConventions(
          "/openapi.json",
          "/health",
          List.of("application/json"),
          List.of("ok"),
          false,
          false,
          200,
          true,
          true,
          404,
          List.of(413, 415),
          false);

  private final TemplateRenderer renderer;

  /** A generator with its own renderer. */
  public FlaskGenerator() {
    this(new TemplateRenderer());
  }

  /** A generator sharing {@code renderer}. */
  public FlaskGenerator(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  /** {@link FlaskPack#STACK}. */
  @Override
  public Stack stack() {
    return FlaskPack.STACK;
  }

  /**
   * The files of the Flask project for {@code spec}: the app package, one blueprint and one test
   * module per entity, and the files each enabled feature adds. Same spec, same bytes.
   */
  @Override
  public GeneratedProject generate(ProjectSpec spec) {
    return generate(spec, Enrichment.empty());
  }

  /**
   * The files of the Flask project for {@code spec} with a validated {@code enrichment}: its
   * descriptions in the README tables and the OpenAPI document, its overview in the README, and its
   * sample rows in {@code app/seed.py} (a seed command) and {@code tests/test_seed.py} (used as
   * fixtures). {@code backforge.json} stays the spec as given. An empty enrichment gives the files
   * of {@link #generate(ProjectSpec)}.
   */
  @Override
  public GeneratedProject generate(ProjectSpec original, Enrichment enrichment) {
    ProjectSpec spec = enrichment.describe(original);
    FlaskModel model = new FlaskModel(spec);
    Map<String, Object> scope = model.project();
    List<String> overview = EnrichmentModel.overview(enrichment);
    boolean samples = EnrichmentModel.hasSamples(enrichment);
    scope.put("hasOverview", !overview.isEmpty());
    scope.put("overview", overview);
    scope.put("hasSamples", samples);
    scope.put("seedRows", EnrichmentModel.seedRows(spec, enrichment));
    scope.putAll(HostileCases.of(spec));
    return ProjectContributor.generate(
        spec.name().kebab(), new FlaskProject(original, spec, model, scope, samples), contributors);
  }

  /**
   * The description the contributors share: the spec as given and as enriched, its Flask model, the
   * templates' scope, and whether there are sample rows.
   */
  private record FlaskProject(
      ProjectSpec original,
      ProjectSpec spec,
      FlaskModel model,
      Map<String, Object> scope,
      boolean samples)
      implements ProjectDescription {}

  private final List<ProjectContributor<FlaskProject>> contributors =
      List.of(
          this::application,
          when(FlaskProject::samples, (p, files) -> render(files, "app/seed.py", p.scope())),
          when(FlaskProject::jwt, (p, files) -> render(files, "app/auth.py", p.scope())),
          when(FlaskProject::openapi, this::openApi),
          when(FlaskProject::docker, this::docker),
          this::entities,
          when(FlaskProject::tests, this::tests));

  /** The app package, migrations, configuration and the spec itself. */
  private void application(FlaskProject project, GeneratedProject.Builder files) {
    ALWAYS.forEach(path -> render(files, path, project.scope()));
    render(files, MIGRATION, MIGRATION, project.model().migration());
    render(files, ".env.example", "dot-env.example", project.scope());
    render(files, ".gitignore", "dot-gitignore", project.scope());
    files.text("backforge.json", SpecJson.write(project.original()));
  }

  /** The OpenAPI document built from the spec, and the blueprint that serves it. */
  private void openApi(FlaskProject project, GeneratedProject.Builder files) {
    render(files, "app/openapi.py", project.scope());
    files.text("app/openapi.json", new OpenApiDocument(project.spec(), API).json());
  }

  private void docker(FlaskProject project, GeneratedProject.Builder files) {
    render(files, "Dockerfile", project.scope());
    render(files, ".dockerignore", "dot-dockerignore", project.scope());
    render(files, "docker-compose.yml", project.scope());
  }

  /** Per entity its blueprint and, with tests, its test module. */
  private void entities(FlaskProject project, GeneratedProject.Builder files) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entities =
        (List<Map<String, Object>>) project.scope().get("entities");
    for (int i = 0; i < entities.size(); i++) {
      Map<String, Object> scope = new LinkedHashMap<>(project.scope());
      scope.putAll(entities.get(i));
      String snake = project.spec().entities().get(i).name().snake();
      render(files, "app/routes/" + snake + ".py", "app/routes/entity.py", scope);
      if (project.tests()) {
        render(files, "tests/test_" + snake + "_api.py", "tests/test_entity_api.py", scope);
      }
    }
  }

  /** The suite's shared modules and the tests of the features there are. */
  private void tests(FlaskProject project, GeneratedProject.Builder files) {
    TESTS.forEach(path -> render(files, path, project.scope()));
    if (project.jwt()) {
      render(files, "tests/test_auth.py", project.scope());
    }
    if (project.openapi()) {
      render(files, "tests/test_openapi.py", project.scope());
    }
    if (project.samples()) {
      render(files, "tests/test_seed.py", project.scope());
    }
  }

  private void render(GeneratedProject.Builder files, String path, Map<String, Object> model) {
    render(files, path, path, model);
  }

  private void render(
      GeneratedProject.Builder files, String path, String template, Map<String, Object> model) {
    String text = renderer.render(PACK + template + ".mustache", model);
    files.text(path, path.endsWith(".py") ? BlackLines.format(text) : text);
  }
}
