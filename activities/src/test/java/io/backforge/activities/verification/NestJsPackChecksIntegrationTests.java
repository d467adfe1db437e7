package io.backforge.activities.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.StackPacks;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The NestJS pack's recipe, run by the platform as any pack's: the npm cache warmed once (online,
 * outside the sandbox; {@code backforge.verify.npm-cache}, default {@code ~/.cache/backforge/npm}),
 * then in the sandbox without network {@code npm ci --offline}, tsc, ESLint beside the generated
 * tests, and the live contract check of {@code node dist/src/main.js} against the project's own
 * OpenAPI document. The sample specs (and one with every option) verify PASSED.
 */
class NestJsPackChecksIntegrationTests {

  private static final Path SPECS = Path.of("..", "templates", "src", "test", "resources");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "specs/library.json",
        "specs/shop.json",
        "specs/blog.json",
        "specs/reserved-names.json",
        "specs/cycle.json",
        "nestjs/every-option.json"
      })
  void projectVerifiesPassedInTheSandbox(String spec, @TempDir Path dir) throws IOException {
    String json =
        Files.readString(SPECS.resolve(spec))
            .replace("\"stack\": \"flask\"", "\"stack\": \"nestjs\"");

    Verification verification = verify(json, dir);

    System.out.println(
        "NestJS " + spec + " verified in the sandbox in " + verification.durationMillis() + " ms");
    assertPassed(verification);
    assertThat(verification.testsPassed()).isGreaterThan(100);
  }

  /**
   * The size the budgets name: 40 entities of 15 fields (every type, the benchmarks' synthetic
   * spec), each pointing at the one before; its suite runs in two shards.
   */
  @Test
  void fortyEntitiesOfFifteenFieldsVerifyPassedInTheSandbox(@TempDir Path dir) throws IOException {
    Verification verification = verify(synthetic(40, 15), dir);

    System.out.println(
        "NestJS synthetic-40x15 verified in the sandbox in "
            + verification.durationMillis()
            + " ms");
    assertPassed(verification);
    assertThat(verification.testsPassed()).isGreaterThan(4000);
  }

  private static void assertPassed(Verification verification) {
    assertThat(verification.state())
        .as(verification.reason() + "\n" + verification.logTail())
        .isEqualTo(VerificationState.PASSED);
    assertThat(verification.reason())
        .contains("tsc and ESLint clean")
        .doesNotContainPattern("[1-9][0-9]* violations?");
  }

  private static Verification verify(String json, Path dir) throws IOException {
    StackPack pack = StackPacks.find("nestjs").orElseThrow();
    DependencyCaches caches = new DependencyCaches(new StandardEnvironment());
    PackChecks checks = new PackChecks(pack, caches);
    String missing = checks.probe();
    Assumptions.assumeTrue(missing.isEmpty(), missing);
    ValidationResult result = new SpecValidator().validate(json.getBytes(StandardCharsets.UTF_8));
    assertThat(result.errors()).isEmpty();
    new ProjectGenerator().generate(result.spec()).writeTo(dir);
    RunningProcesses running = new RunningProcesses();
    // Warm first, so that the time measured is a warm worker's.
    assertThat(caches.warm(pack.verificationRecipe().cache().orElseThrow(), running)).isEmpty();
    return checks.check(dir, running);
  }

  /** The benchmarks' synthetic spec: {@code entities} entities of {@code fields} fields. */
  private static String synthetic(int entities, int fields) {
    String[] types = {
      "string", "integer", "text", "decimal", "boolean", "date", "datetime", "uuid", "long", "enum"
    };
    StringBuilder json =
        new StringBuilder("{\"name\":\"synthetic\",\"stack\":\"nestjs\",")
            .append("\"database\":\"postgresql\",\"entities\":[");
    for (int e = 1; e <= entities; e++) {
      json.append(e > 1 ? "," : "").append("{\"name\":\"Item").append(e).append("\",\"fields\":[");
      for (int f = 1; f <= fields; f++) {
        String type = types[(f - 1) % types.length];
        String field = "{\"name\":\"field" + f + "\",\"type\":\"" + type + "\"";
        field +=
            switch (type) {
              case "string" -> ",\"required\":true,\"maxLength\":80}";
              case "integer" -> ",\"min\":0,\"max\":1000}";
              case "decimal" -> ",\"min\":0}";
              case "enum" -> ",\"values\":[\"A\",\"B\",\"C\"]}";
              default -> "}";
            };
        json.append(f > 1 ? "," : "").append(field);
      }
      json.append(']');
      if (e > 1) {
        json.append(",\"relations\":[{\"name\":\"previous\",\"kind\":\"many-to-one\",")
            .append("\"target\":\"Item")
            .append(e - 1)
            .append("\"}]");
      }
      json.append('}');
    }
    return json.append("],\"features\":{\"auth\":\"jwt\"}}").toString();
  }
}
