package io.backforge.templates.nestjs;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.pack.VerificationRecipe;
import io.backforge.templates.pack.VerificationRecipe.Outcome;
import io.backforge.templates.pack.VerificationRecipe.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the NestJS recipe runs, and how it reads what its checks print. */
class NestJsVerificationTests {

  private final VerificationRecipe recipe = NestJsVerification.recipe();

  @Test
  void setupInstallsOfflineFromTheCacheThenCompiles() {
    assertThat(recipe.setup())
        .extracting(VerificationRecipe.Check::name)
        .containsExactly("npm ci", "tsc");
    assertThat(String.join(" ", recipe.setup().get(0).command()))
        .contains("npm ci --offline --cache", "--ignore-scripts", "shared/node_modules")
        .endsWith(VerificationRecipe.CACHE);
    assertThat(recipe.cache())
        .hasValueSatisfying(cache -> assertThat(cache.property()).isEqualTo("npm-cache"));
    assertThat(recipe.cache().orElseThrow().identity()).containsExactly("package-lock.json");
    assertThat(recipe.environment().get("NODE_OPTIONS")).contains("--disable-wasm-trap-handler");
    assertThat(recipe.memoryBytes()).isEqualTo(8L * 1024 * 1024 * 1024);
    assertThat(recipe.linters())
        .extracting(VerificationRecipe.Check::name)
        .containsExactly("eslint");
  }

  @Test
  void theWarmUpProjectIsTheSharedLockfileAndItsManifest() {
    var warmUp = recipe.cache().orElseThrow().warmUp().get();

    assertThat(warmUp.files().keySet())
        .containsExactly(".npmrc", "package-lock.json", "package.json");
  }

  @Test
  void testsOfBothShardsAreCounted(@TempDir Path dir) {
    String output = "# pass 10\n# fail 0\n...\n# pass 12\n# fail 1\n";

    Outcome outcome = recipe.tests().reader().read(new Run(1, output, false), dir);

    assertThat(outcome.passed()).isEqualTo(22);
    assertThat(outcome.failed()).isEqualTo(1);
    assertThat(outcome.problems()).containsExactly("1 test failed");
  }

  @Test
  void typeErrorsAreCountedAndFailTheSetup(@TempDir Path dir) {
    String output =
        "src/a.ts(1,2): error TS2322: Type 'string' is not assignable.\n"
            + "src/b.ts(3,4): error TS2304: Cannot find name 'x'.\n";

    Outcome outcome = recipe.setup().get(1).reader().read(new Run(2, output, false), dir);

    assertThat(outcome.problems()).containsExactly("2 type errors");
  }

  @Test
  void eslintProblemsAreFindings(@TempDir Path dir) {
    Outcome outcome =
        recipe
            .linters()
            .get(0)
            .reader()
            .read(new Run(1, "\n✖ 3 problems (3 errors, 0 warnings)\n", false), dir);

    assertThat(outcome.findings()).isEqualTo(3);
    assertThat(outcome.problems()).isEqualTo(List.of());
  }
}
