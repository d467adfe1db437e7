package io.backforge.activities.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.StackGenerator;
import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.VerificationRecipe;
import io.backforge.templates.pack.VerificationRecipe.Budget;
import io.backforge.templates.pack.VerificationRecipe.Check;
import io.backforge.templates.pack.VerificationRecipe.ContractLaunch;
import io.backforge.templates.pack.VerificationRecipe.Launch;
import io.backforge.templates.pack.VerificationRecipe.Outcome;
import io.backforge.templates.spec.Database;
import io.backforge.templates.spec.Stack;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

/**
 * A recipe's setup checks run in the sandbox before its linters and tests, one after the other, and
 * what they leave in the project is there for the others; a failed one ends the verification
 * without running the rest. The recipe here is plain shell, so that no stack's toolchain is needed.
 */
class PackChecksSetupTests {

  private static final Budget SECONDS =
      new Budget(Duration.ofSeconds(30), Duration.ZERO, "files", dir -> 0);

  @BeforeEach
  void assumeSandbox() {
    String missing =
        Sandbox.probe(Sandbox.Options.DEFAULT, "the sandbox does not start", "/bin/true");
    Assumptions.assumeTrue(missing.isEmpty(), missing);
  }

  @Test
  void setupRunsFirstAndTheLintersAndTestsSeeWhatItLeft(@TempDir Path dir) {
    Verification verification =
        checks("echo ready > prepared", "test -f prepared", "cat prepared")
            .check(dir, new RunningProcesses());

    assertThat(verification.state()).as(verification.logTail()).isEqualTo(VerificationState.PASSED);
    assertThat(verification.logTail()).contains("$ setup", "$ lint", "$ tests", "ready");
  }

  @Test
  void failedSetupFailsTheVerificationAndNothingElseRuns(@TempDir Path dir) throws Exception {
    Verification verification =
        checks("exit 3", "touch linted", "touch tested").check(dir, new RunningProcesses());

    assertThat(verification.state()).isEqualTo(VerificationState.FAILED);
    assertThat(verification.reason()).isEqualTo("setup exited with 3");
    assertThat(Files.exists(dir.resolve("linted"))).isFalse();
    assertThat(Files.exists(dir.resolve("tested"))).isFalse();
  }

  private static PackChecks checks(String setup, String lint, String tests) {
    VerificationRecipe recipe =
        new VerificationRecipe(
            List.of("/bin/sh"),
            List.of("/bin/true"),
            Sandbox.Options.DEFAULT.memoryBytes(),
            Map.of(),
            Optional.empty(),
            List.of(shell("lint", lint, 0)),
            shell("tests", tests, 1),
            "finding",
            "clean",
            new ContractLaunch(
                "openapi.json",
                Duration.ofSeconds(1),
                true,
                Map.of(),
                (dir, port) -> Launch.none("no app here")),
            List.of(shell("setup", setup, 0)));
    return new PackChecks(new ShellPack(recipe), new DependencyCaches(new StandardEnvironment()));
  }

  private static Check shell(String name, String script, int passes) {
    return new Check(
        name,
        name,
        List.of("/bin/sh", "-c", script),
        SECONDS,
        (run, dir) ->
            run.exitCode() == 0
                ? new Outcome(passes, 0, 0, List.of())
                : new Outcome(0, 0, 0, List.of(name + " exited with " + run.exitCode())));
  }

  /** A pack of nothing but a recipe, for these tests; never registered. */
  private record ShellPack(VerificationRecipe verificationRecipe) implements StackPack {

    @Override
    public Stack stack() {
      return new Stack("shell");
    }

    @Override
    public String title() {
      return "Shell";
    }

    @Override
    public String libraries() {
      return "";
    }

    @Override
    public String openApiPath() {
      return "/openapi.json";
    }

    @Override
    public String verification() {
      return "sh";
    }

    @Override
    public String driver(Database database) {
      return "";
    }

    @Override
    public StackGenerator generator() {
      throw new UnsupportedOperationException();
    }
  }
}
