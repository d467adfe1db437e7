package io.backforge.templates.flask;

import io.backforge.templates.enrich.Enrichment;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.StackGenerator;
import io.backforge.templates.generate.TemplateRenderer;
import io.backforge.templates.openapi.ApiConventions;
import io.backforge.templates.openapi.OpenApiDocument;
import io.backforge.templates.spec.EntitySpec;
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
    Map<String, Object> project = model.project();
    List<String> overview = EnrichmentModel.overview(enrichment);
    boolean samples = EnrichmentModel.hasSamples(enrichment);
    project.put("hasOverview", !overview.isEmpty());
    project.put("overview", overview);
    project.put("hasSamples", samples);
    project.put("seedRows", EnrichmentModel.seedRows(spec, enrichment));
    project.putAll(HostileCases.of(spec));
    GeneratedProject.Builder files = GeneratedProject.builder(spec.name().kebab());
    ALWAYS.forEach(path -> render(files, path, path, project));
    render(files, MIGRATION, MIGRATION, model.migration());
    render(files, ".env.example", "dot-env.example", project);
    render(files, ".gitignore", "dot-gitignore", project);
    files.text("backforge.json", SpecJson.write(original));
    if (samples) {
      render(files, "app/seed.py", "app/seed.py", project);
    }
    if (model.jwt()) {
      render(files, "app/auth.py", "app/auth.py", project);
    }
    if (spec.features().openapi()) {
      render(files, "app/openapi.py", "app/openapi.py", project);
      files.text("app/openapi.json", new OpenApiDocument(spec, API).json());
    }
    if (spec.features().docker()) {
      render(files, "Dockerfile", "Dockerfile", project);
      render(files, ".dockerignore", "dot-dockerignore", project);
      render(files, "docker-compose.yml", "docker-compose.yml", project);
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entities = (List<Map<String, Object>>) project.get("entities");
    for (int i = 0; i < entities.size(); i++) {
      EntitySpec entity = spec.entities().get(i);
      Map<String, Object> scope = new LinkedHashMap<>(project);
      scope.putAll(entities.get(i));
      String snake = entity.name().snake();
      render(files, "app/routes/" + snake + ".py", "app/routes/entity.py", scope);
      if (spec.features().tests()) {
        render(files, "tests/test_" + snake + "_api.py", "tests/test_entity_api.py", scope);
      }
    }
    if (spec.features().tests()) {
      TESTS.forEach(path -> render(files, path, path, project));
      if (model.jwt()) {
        render(files, "tests/test_auth.py", "tests/test_auth.py", project);
      }
      if (spec.features().openapi()) {
        render(files, "tests/test_openapi.py", "tests/test_openapi.py", project);
      }
      if (samples) {
        render(files, "tests/test_seed.py", "tests/test_seed.py", project);
      }
    }
    return files.build();
  }

  private void render(
      GeneratedProject.Builder files, String path, String template, Map<String, Object> model) {
    String text = renderer.render(PACK + template + ".mustache", model);
    files.text(path, path.endsWith(".py") ? BlackLines.format(text) : text);
  }
}
