package io.backforge.templates.nestjs;

import static io.backforge.templates.generate.ProjectContributor.when;

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
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a NestJS project (NestJS 12 on Express, TypeORM 1 with pg, mysql2 and sql.js, optional
 * JWT and OpenAPI) from the template pack under {@code stacks/nestjs}, with a {@code node:test}
 * suite that exercises every endpoint and constraint. The package lock is the same for every
 * project (every driver is always a dependency), so it is a static resource and one warmed npm
 * cache serves every project. Deterministic and thread-safe.
 */
public final class NestJsGenerator implements StackGenerator {

  private static final String PACK = "nestjs/";
  private static final String LOCKFILE = "stacks/nestjs/package-lock.json";
  private static final List<String> ALWAYS =
      List.of(
          "src/app.ts",
          "src/app.module.ts",
          "src/columns.ts",
          "src/config.ts",
          "src/crud.ts",
          "src/database.ts",
          "src/health.ts",
          "src/inputs.ts",
          "src/main.ts",
          "src/paths.ts",
          "src/problems.ts",
          "src/routes.ts",
          "src/validation.ts",
          "src/migrations/index.ts",
          "src/migrations/0001-initial.ts",
          "package.json",
          "tsconfig.json",
          "tsconfig.build.json",
          "eslint.config.js",
          "eslint.typed.config.js",
          "README.md");
  private static final List<String> AUTH =
      List.of(
          "src/auth/account.entity.ts",
          "src/auth/auth.controller.ts",
          "src/auth/bearer.guard.ts",
          "src/auth/passwords.ts");
  private static final List<String> TESTS =
      List.of(
          "test/support.ts",
          "test/entity-suite.ts",
          "test/factories.ts",
          "test/main.ts",
          "test/health.test.ts",
          "test/hostile.test.ts",
          "test/migrations.test.ts");

  /**
   * What the generated NestJS code answers where the stacks differ: Flask's conventions, which the
   * hand-written exemplar matched byte for byte. The document at {@code /openapi.json}, {@code GET
   * /health} answering {@code {"status": "ok"}}, decimals returned as strings, unknown body keys
   * rejected ({@code src/crud.ts}), a non-numeric or over-long id answered 404 by the handler, and,
   * before a body is read ({@code src/inputs.ts}), 413 for a body over 1 MiB and 415 for one that
   * is not JSON.
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
  private final String lockfile = lockfile();

  /** A generator with its own renderer. */
  public NestJsGenerator() {
    this(new TemplateRenderer());
  }

  /** A generator sharing {@code renderer}. */
  public NestJsGenerator(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  /** {@link NestJsPack#STACK}. */
  @Override
  public Stack stack() {
    return NestJsPack.STACK;
  }

  /**
   * The files of the NestJS project for {@code spec}: the app, one entity, controller and test file
   * per entity, and the files each enabled feature adds. Same spec, same bytes.
   */
  @Override
  public GeneratedProject generate(ProjectSpec spec) {
    NestJsModel model = new NestJsModel(spec);
    return ProjectContributor.generate(
        spec.name().kebab(), new NestJsProject(spec, model, model.project()), contributors);
  }

  /** The description the contributors share: the spec, its model and the templates' scope. */
  private record NestJsProject(ProjectSpec spec, NestJsModel model, Map<String, Object> scope)
      implements ProjectDescription {}

  private final List<ProjectContributor<NestJsProject>> contributors =
      List.of(
          this::application,
          when(NestJsProject::jwt, (p, files) -> AUTH.forEach(path -> render(files, path, p))),
          when(NestJsProject::openapi, this::openApi),
          when(NestJsProject::docker, this::docker),
          this::entities,
          when(NestJsProject::tests, this::tests));

  private void application(NestJsProject project, GeneratedProject.Builder files) {
    ALWAYS.forEach(path -> render(files, path, project));
    files.text("package-lock.json", lockfile);
    render(files, ".npmrc", "dot-npmrc", project.scope());
    render(files, ".env.example", "dot-env.example", project.scope());
    render(files, ".gitignore", "dot-gitignore", project.scope());
    files.text("backforge.json", SpecJson.write(project.spec()));
  }

  /** The OpenAPI document built from the spec, and the controller that serves it. */
  private void openApi(NestJsProject project, GeneratedProject.Builder files) {
    render(files, "src/openapi.ts", project);
    files.text("src/openapi.json", new OpenApiDocument(project.spec(), API).json());
  }

  private void docker(NestJsProject project, GeneratedProject.Builder files) {
    render(files, "Dockerfile", project);
    render(files, ".dockerignore", "dot-dockerignore", project.scope());
    render(files, "docker-compose.yml", project);
  }

  /** Per entity its TypeORM entity, its controller and, with tests, its test file. */
  private void entities(NestJsProject project, GeneratedProject.Builder files) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entities =
        (List<Map<String, Object>>) project.scope().get("entities");
    for (int i = 0; i < entities.size(); i++) {
      Map<String, Object> scope = new LinkedHashMap<>(project.scope());
      scope.putAll(entities.get(i));
      String stem = (String) entities.get(i).get("stem");
      String folder = "src/" + stem + "/" + stem;
      render(files, folder + ".entity.ts", "src/entity/entity.entity.ts", scope);
      render(files, folder + ".controller.ts", "src/entity/entity.controller.ts", scope);
      if (project.tests()) {
        render(
            files,
            "test/" + stem + ".test.ts",
            "test/entity/entity.test.ts",
            project.model().entityTest(project.scope(), i));
      }
    }
  }

  /** The suite's shared modules, the tests of the features there are, and the shards. */
  private void tests(NestJsProject project, GeneratedProject.Builder files) {
    TESTS.forEach(path -> render(files, path, project));
    if (project.jwt()) {
      render(files, "test/auth.test.ts", project);
    }
    if (project.openapi()) {
      render(files, "test/openapi.test.ts", project);
    }
    if (project.model().sharded()) {
      for (int shard = 0; shard < 2; shard++) {
        Map<String, Object> scope = new LinkedHashMap<>(project.scope());
        scope.put("testModules", project.model().shard(shard));
        render(files, "test/shard-" + (shard + 1) + ".ts", "test/main.ts", scope);
      }
    }
  }

  private void render(GeneratedProject.Builder files, String path, NestJsProject project) {
    render(files, path, path, project.scope());
  }

  private void render(
      GeneratedProject.Builder files, String path, String template, Map<String, Object> model) {
    files.text(path, renderer.render(PACK + template + ".mustache", model));
  }

  private static String lockfile() {
    try (InputStream in = NestJsGenerator.class.getClassLoader().getResourceAsStream(LOCKFILE)) {
      if (in == null) {
        throw new IllegalStateException("no " + LOCKFILE + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
