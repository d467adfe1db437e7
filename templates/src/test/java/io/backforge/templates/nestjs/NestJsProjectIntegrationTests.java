package io.backforge.templates.nestjs;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.spec.ProjectSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated NestJS projects are built and run here, as their users would: {@code npm ci} (from the
 * npm registry, through a cache under {@code ~/.cache/backforge/npm} so that reruns are fast), the
 * TypeScript compiler, ESLint, and the project's own test suite on sql.js, which must all pass. The
 * expensive runs are the library, a spec with every option, and the library with every optional
 * feature off; the other sample specs are checked by generation in {@link NestJsGeneratorTests}.
 */
class NestJsProjectIntegrationTests {

  private static final Pattern PASS = Pattern.compile("^# pass (\\d+)$", Pattern.MULTILINE);
  private static final Pattern FAIL = Pattern.compile("^# fail (\\d+)$", Pattern.MULTILINE);

  private final NestJsGenerator generator = new NestJsGenerator();

  @Test
  void libraryProjectInstallsCompilesLintsAndPassesItsOwnTests(@TempDir Path dir) {
    int passed = assertPasses(generator.generate(NodeRunner.spec("library.json")), dir);

    assertThat(passed).isGreaterThan(140);
  }

  @Test
  void projectWithEveryOptionPassesItsOwnTests(@TempDir Path dir) {
    int passed =
        assertPasses(generator.generate(NodeRunner.spec("/nestjs/every-option.json")), dir);

    assertThat(passed).isGreaterThan(250);
  }

  @Test
  void projectWithEveryOptionalFeatureOffPassesItsOwnTests(@TempDir Path dir) {
    ProjectSpec spec =
        NodeRunner.spec(
            "library.json",
            Map.of(NestJsGeneratorTests.libraryFeatures(), NestJsGeneratorTests.FEATURES_OFF));

    assertPasses(generator.generate(spec), dir);
  }

  /**
   * The same suite against the real PostgreSQL here ({@code TEST_DATABASE_URL}), on a database of
   * its own, {@code <$BACKFORGE_TEST_DB>_nestjs_suite}, created and dropped: the migration builds
   * exactly the schema the entities describe there too, and every test passes.
   */
  @Test
  void projectWithEveryOptionPassesItsOwnTestsOnPostgresql(@TempDir Path dir) {
    String base = System.getenv().getOrDefault("BACKFORGE_TEST_DB", "backforge_test");
    String database = base + "_nestjs_suite";
    NodeRunner.Result created = postgres(dir, "/usr/bin/createdb", database);
    Assumptions.assumeTrue(created.exitCode() == 0, "no PostgreSQL here: " + created.output());
    try {
      int passed =
          assertPasses(
              generator.generate(NodeRunner.spec("/nestjs/every-option.json")),
              dir,
              Map.of("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database));

      assertThat(passed).isGreaterThan(250);
    } finally {
      postgres(dir, "/usr/bin/dropdb", "--if-exists", database);
    }
  }

  private static NodeRunner.Result postgres(Path dir, String tool, String... args) {
    String[] command = new String[args.length + 5];
    command[0] = tool;
    command[1] = "-h";
    command[2] = "127.0.0.1";
    command[3] = "-U";
    command[4] = "postgres";
    System.arraycopy(args, 0, command, 5, args.length);
    return NodeRunner.run(dir, 60, Map.of(), command);
  }

  /** Installs, type-checks, lints and tests {@code project} in {@code dir}; the tests passed. */
  static int assertPasses(GeneratedProject project, Path dir) {
    return assertPasses(project, dir, Map.of());
  }

  /** The same, the tests run with {@code environment} added. */
  static int assertPasses(GeneratedProject project, Path dir, Map<String, String> environment) {
    NodeRunner.write(project, dir);
    NodeRunner.Result install = NodeRunner.install(dir);
    assertThat(install.exitCode()).as(install.output()).isZero();
    NodeRunner.Result tsc =
        NodeRunner.run(
            dir, 120, NodeRunner.NODE, "node_modules/typescript-7/bin/tsc", "-p", "tsconfig.json");
    assertThat(tsc.exitCode()).as(tsc.output()).isZero();
    NodeRunner.Result eslint =
        NodeRunner.run(dir, 180, NodeRunner.NODE, "node_modules/eslint/bin/eslint.js", ".");
    assertThat(eslint.exitCode()).as(eslint.output()).isZero();
    NodeRunner.Result tests =
        NodeRunner.run(dir, 300, environment, NodeRunner.NPM, "test", "--silent");
    assertThat(tests.exitCode()).as(tail(tests.output())).isZero();
    assertThat(count(FAIL, tests.output())).isZero();
    return count(PASS, tests.output());
  }

  private static int count(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    int sum = 0;
    while (matcher.find()) {
      sum += Integer.parseInt(matcher.group(1));
    }
    return sum;
  }

  private static String tail(String output) {
    return output.length() > 20_000 ? output.substring(output.length() - 20_000) : output;
  }
}
