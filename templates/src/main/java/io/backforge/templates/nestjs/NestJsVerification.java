package io.backforge.templates.nestjs;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.pack.StackPacks;
import io.backforge.templates.pack.VerificationRecipe;
import io.backforge.templates.pack.VerificationRecipe.Budget;
import io.backforge.templates.pack.VerificationRecipe.Check;
import io.backforge.templates.pack.VerificationRecipe.ContractLaunch;
import io.backforge.templates.pack.VerificationRecipe.DependencyCache;
import io.backforge.templates.pack.VerificationRecipe.Launch;
import io.backforge.templates.pack.VerificationRecipe.Outcome;
import io.backforge.templates.pack.VerificationRecipe.Run;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How a generated NestJS project is proved, with Node 20 and npm: {@code npm ci} offline from a
 * read-only npm cache warmed once per worker (the lockfile is the same for every project), then the
 * TypeScript 7 compiler (type check and emit), ESLint beside the tests, and the project's own
 * {@code node:test} suite on sql.js. The contract check serves {@code node dist/src/main.js} on an
 * in-memory SQLite database, migrated at start-up. Node runs with the WebAssembly trap handler off
 * and 8 GiB of address space: sql.js cannot reserve its memory under the 3 GiB Python gets (see the
 * pack's notes).
 */
final class NestJsVerification {

  static final String NODE = "/usr/bin/node";
  static final String NPM = "/usr/bin/npm";

  /**
   * Node's options in the sandbox: without the WebAssembly trap handler, which reserves about 10
   * GiB of address space per Wasm memory (sql.js), and with a heap limit that fits two processes.
   */
  private static final String NODE_OPTIONS = "--disable-wasm-trap-handler --max-old-space-size=768";

  private static final String NPM_CI =
      NPM + " ci --cache \"$0\" --ignore-scripts --no-audit --no-fund --no-update-notifier";

  /**
   * Warms the cache ({@code $0}) from the warm-up project, with network: {@code npm ci} fills the
   * npm cache, and the install it made is kept beside it, with its lockfile, as {@code shared/}.
   * Every NestJS project has the same lockfile, so every verification can read that install.
   */
  private static final String WARM =
      "set -e; "
          + NPM_CI
          + "; rm -rf \"$0/shared.new\"; mkdir -p \"$0/shared.new\";"
          + " cp -a node_modules package-lock.json \"$0/shared.new/\";"
          + " rm -rf \"$0/shared\"; mv \"$0/shared.new\" \"$0/shared\"";

  /**
   * Installs the project's dependencies in the sandbox, offline, from the cache ({@code $0},
   * read-only there): a project whose lockfile is the shared install's links {@code node_modules}
   * to it (nothing writes into it: no build info, no lint cache), any other runs {@code npm ci
   * --offline} from the npm cache. Linking saves the 4-8 s that writing 170 MB of packages into
   * every project costs.
   */
  private static final String INSTALL =
      "if cmp -s package-lock.json \"$0/shared/package-lock.json\""
          + " && [ -d \"$0/shared/node_modules\" ]; then"
          + " rm -rf node_modules && ln -s \"$0/shared/node_modules\" node_modules"
          + " && echo 'node_modules: the shared read-only install of this lockfile';"
          + " else "
          + NPM_CI.replace(" ci ", " ci --offline ")
          + " --logs-max=0; fi";

  /** The address-space limit of a Node run. */
  private static final long MEMORY_BYTES = 8L * 1024 * 1024 * 1024;

  private static final String TSC = "node_modules/typescript-7/bin/tsc";
  private static final String ESLINT = "node_modules/eslint/bin/eslint.js";
  private static final Pattern PASS = Pattern.compile("^# pass (\\d+)$", Pattern.MULTILINE);
  private static final Pattern FAIL = Pattern.compile("^# fail (\\d+)$", Pattern.MULTILINE);
  private static final Pattern ESLINT_PROBLEMS = Pattern.compile("(\\d+) problems?\\b");
  private static final Pattern TEST_CASE = Pattern.compile("^\\s*(it\\(|\\[\")", Pattern.MULTILINE);

  /** A generated test costs about 6 ms of CPU; the allowance is ten times that. */
  private static final Duration PER_TEST = Duration.ofMillis(60);

  private static final String WARM_UP_SPEC =
      """
      {"name": "warm-up", "stack": "%s", "database": "sqlite",
       "entities": [{"name": "Item", "fields": [{"name": "title", "type": "string"}]}]}
      """;

  private NestJsVerification() {}

  static VerificationRecipe recipe() {
    return recipe(new NestJsGenerator());
  }

  static VerificationRecipe recipe(NestJsGenerator generator) {
    Map<String, String> environment = Map.of("NODE_OPTIONS", NODE_OPTIONS);
    return new VerificationRecipe(
        List.of(NODE, NPM),
        List.of(NODE, "--version"),
        MEMORY_BYTES,
        environment,
        Optional.of(
            new DependencyCache(
                "npm-cache",
                "npm cache",
                Path.of(System.getProperty("user.home"), ".cache", "backforge", "npm"),
                () -> warmUp(generator),
                List.of("package-lock.json"),
                List.of("/bin/sh", "-c", WARM, VerificationRecipe.CACHE),
                Duration.ofMinutes(10))),
        List.of(
            new Check(
                "eslint",
                "eslint .",
                List.of(NODE, ESLINT, "."),
                Budget.perFile(
                    Duration.ofMinutes(1), Duration.ofMillis(200), ".ts", "TypeScript files"),
                NestJsVerification::readEslint)),
        new Check(
            "node --test",
            "node dist/test/main.js",
            List.of("/bin/sh", "-c", testCommand()),
            new Budget(
                Duration.ofMinutes(2), PER_TEST, "tests", NestJsVerification::estimatedTests),
            NestJsVerification::readTests),
        "lint finding",
        "tsc and ESLint clean",
        new ContractLaunch(
            "src/openapi.json",
            Duration.ofSeconds(30),
            false,
            Map.of(
                "NODE_OPTIONS", NODE_OPTIONS,
                "DATABASE_URL", "sqlite::memory:",
                "HOST", "127.0.0.1",
                "JWT_SECRET", "contract-check-secret-key-0123456789abcdef-0123456789",
                "PASSWORD_HASH_COST", "1024"),
            (dir, port) ->
                Files.isRegularFile(dir.resolve("dist/src/main.js"))
                    ? Launch.of(List.of("/usr/bin/env", "PORT=" + port, NODE, "dist/src/main.js"))
                    : Launch.none("the build left no dist/src/main.js")),
        List.of(
            new Check(
                "npm ci",
                "npm ci --offline --cache {cache} --ignore-scripts (or the shared install)",
                List.of("/bin/sh", "-c", INSTALL, VerificationRecipe.CACHE),
                Budget.perFile(
                    Duration.ofMinutes(2), Duration.ZERO, "package-lock.json", "lockfiles"),
                (run, dir) -> exited(run, "npm ci")),
            new Check(
                "tsc",
                "tsc -p tsconfig.json",
                List.of(NODE, TSC, "-p", "tsconfig.json"),
                Budget.perFile(
                    Duration.ofMinutes(1), Duration.ofMillis(100), ".ts", "TypeScript files"),
                NestJsVerification::readTsc)));
  }

  private static Outcome exited(Run run, String name) {
    return run.exitCode() == 0
        ? new Outcome(0, 0, 0, List.of())
        : new Outcome(0, 0, 0, List.of(name + " exited with " + run.exitCode()));
  }

  /** tsc prints one {@code error TS} line per error and exits non-zero. */
  private static Outcome readTsc(Run run, Path dir) {
    long errors = run.output().lines().filter(line -> line.contains(": error TS")).count();
    if (run.exitCode() == 0) {
      return new Outcome(0, 0, 0, List.of());
    }
    return new Outcome(
        0,
        0,
        (int) errors,
        List.of(
            errors > 0
                ? errors + (errors == 1 ? " type error" : " type errors")
                : "tsc exited with " + run.exitCode()));
  }

  /** The project's own test command: one process, or two shards for large projects. */
  private static String testCommand() {
    return "if [ -f dist/test/shard-1.js ]; then "
        + NODE
        + " --test --test-concurrency=2 dist/test/shard-1.js dist/test/shard-2.js; else "
        + NODE
        + " dist/test/main.js; fi";
  }

  private static Outcome readEslint(Run run, Path dir) {
    Matcher matcher = ESLINT_PROBLEMS.matcher(run.output());
    int findings = matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    boolean unfinished = run.exitCode() != 0 && findings == 0 && !run.timedOut();
    return new Outcome(0, 0, findings, unfinished ? List.of("eslint did not finish") : List.of());
  }

  private static Outcome readTests(Run run, Path dir) {
    int passed = last(PASS, run.output());
    int failed = last(FAIL, run.output());
    List<String> problems =
        run.exitCode() == 0 || run.timedOut()
            ? List.of()
            : List.of(
                failed > 0
                    ? failed + (failed == 1 ? " test failed" : " tests failed")
                    : "the build or the tests exited with " + run.exitCode());
    return new Outcome(passed, failed, 0, problems);
  }

  /** The sum of node:test's summaries (one per shard). */
  private static int last(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    int sum = 0;
    while (matcher.find()) {
      sum += Integer.parseInt(matcher.group(1));
    }
    return sum;
  }

  /**
   * About how many tests the suite has: the {@code it(} calls and the case rows of the test files,
   * times the entities the shared suites loop over; an upper bound is not needed, a size is.
   */
  static long estimatedTests(Path dir) {
    Path tests = dir.resolve("test");
    if (!Files.isDirectory(tests)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(tests)) {
      long count = 0;
      long entities = 0;
      for (Path file : files.filter(p -> p.toString().endsWith(".ts")).toList()) {
        String text = Files.readString(file);
        count += TEST_CASE.matcher(text).results().count();
        if (file.getFileName().toString().endsWith(".test.ts") && text.contains("entitySuite(")) {
          entities++;
        }
      }
      return count + entities * 40;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A project of the one lockfile every NestJS project has: warming it warms them all. */
  private static GeneratedProject warmUp(NestJsGenerator generator) {
    ValidationResult result =
        new SpecValidator()
            .validate(
                WARM_UP_SPEC
                    .formatted(StackPacks.first().stack().json())
                    .getBytes(StandardCharsets.UTF_8));
    if (!result.valid()) {
      throw new IllegalStateException("the warm-up spec is invalid: " + result.errors());
    }
    ProjectSpec spec = result.spec();
    GeneratedProject project =
        generator.generate(
            new ProjectSpec(
                spec.name(),
                spec.description(),
                NestJsPack.STACK,
                spec.database(),
                spec.entities(),
                spec.features(),
                spec.ai()));
    GeneratedProject.Builder warmUp = GeneratedProject.builder("warm-up");
    for (String path : List.of("package.json", "package-lock.json", ".npmrc")) {
      warmUp.bytes(path, project.files().get(path));
    }
    return warmUp.build();
  }
}
