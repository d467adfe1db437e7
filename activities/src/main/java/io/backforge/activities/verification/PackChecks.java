package io.backforge.activities.verification;

import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.VerificationRecipe;
import io.backforge.templates.pack.VerificationRecipe.Check;
import io.backforge.templates.pack.VerificationRecipe.DependencyCache;
import io.backforge.templates.pack.VerificationRecipe.Launch;
import io.backforge.templates.pack.VerificationRecipe.Outcome;
import io.backforge.templates.pack.VerificationRecipe.Run;
import io.backforge.templates.spec.Stack;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Proves a generated project with its pack's {@link VerificationRecipe}, the same way for every
 * stack: the dependency cache warmed (once per worker), the setup checks one after the other (a
 * failed one ends the verification), then the linters one after the other on a second core while
 * the tests run, each in the sandbox under a time limit that grows with the project ({@link
 * VerificationLimits}); then the contract check, beside the tests too unless it needs what they
 * built. Passing means every check ran clean and the tests passed.
 */
final class PackChecks {

  /** How much of the tools' output a verification keeps: its end. */
  static final int LOG_TAIL = 4000;

  private static final ExecutorService BESIDE_THE_TESTS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "verify-beside-tests");
            thread.setDaemon(true);
            return thread;
          });

  private final Stack stack;
  private final VerificationRecipe recipe;
  private final DependencyCaches caches;

  PackChecks(StackPack pack, DependencyCaches caches) {
    this.stack = pack.stack();
    this.recipe = pack.verificationRecipe();
    this.caches = caches;
  }

  /** The stack whose projects these checks prove. */
  Stack stack() {
    return stack;
  }

  /** The last {@link #LOG_TAIL} characters of {@code log}. */
  static String tail(String log) {
    return log.length() > LOG_TAIL ? log.substring(log.length() - LOG_TAIL) : log;
  }

  /**
   * Probes what this machine lacks to run the checks, for people; empty when they can run. {@link
   * Toolchain} calls it once, at start-up, and only when verification is turned on.
   */
  String probe() {
    List<String> absent =
        recipe.tools().stream().filter(tool -> !Files.isExecutable(Path.of(tool))).toList();
    if (!absent.isEmpty()) {
      return "not installed: " + String.join(", ", absent);
    }
    Optional<Path> cache = recipe.cache().map(caches::directory);
    try {
      if (cache.isPresent()) {
        Files.createDirectories(cache.get());
      }
    } catch (IOException e) {
      return "its dependency cache cannot be created: " + e.getMessage();
    }
    return Sandbox.probe(
        options(recipe.environment(), cache),
        "`" + String.join(" ", recipe.probe()) + "` fails in the sandbox here",
        recipe.probe().toArray(String[]::new));
  }

  /**
   * Checks the project written to {@code dir}; the directory may be changed by the build. Every
   * process it starts is tracked in {@code running}, so that stopping it ends the check.
   */
  Verification check(Path dir, RunningProcesses running) {
    VerificationLimits limits = VerificationLimits.start();
    Optional<Path> cache = Optional.empty();
    if (recipe.cache().isPresent()) {
      DependencyCache dependencies = recipe.cache().get();
      Optional<String> cold = caches.warm(dependencies, running);
      if (cold.isPresent()) {
        return Verification.skipped(
            "The " + dependencies.title() + " could not be prepared: " + cold.get());
      }
      cache = Optional.of(caches.directory(dependencies));
    }
    long started = System.nanoTime();
    Sandbox.Options options = options(recipe.environment(), cache);
    Map<Check, VerificationLimits.Limit> limitsOf = new LinkedHashMap<>();
    for (Check check : recipe.setup()) {
      limitsOf.put(check, limit(limits, check, dir));
    }
    for (Check check : recipe.linters()) {
      limitsOf.put(check, limit(limits, check, dir));
    }
    limitsOf.put(recipe.tests(), limit(limits, recipe.tests(), dir));
    Optional<Path> mounted = cache;
    List<Ran> setup = new ArrayList<>();
    for (Check check : recipe.setup()) {
      Ran one = Ran.run(dir, check, limitsOf.get(check), options, mounted, running);
      setup.add(one);
      List<String> failed = one.problems();
      if (!failed.isEmpty()) {
        return report(started, setup, one, failed, 0, null);
      }
    }
    CompletableFuture<List<Ran>> linters = CompletableFuture.completedFuture(List.of());
    for (Check check : recipe.linters()) {
      linters =
          linters.thenApplyAsync(
              earlier -> {
                List<Ran> all = new ArrayList<>(earlier);
                all.add(Ran.run(dir, check, limitsOf.get(check), options, mounted, running));
                return all;
              },
              BESIDE_THE_TESTS);
    }
    CompletableFuture<ContractCheck.Result> beside =
        recipe.contract().afterTests()
            ? null
            : linters.thenApplyAsync(done -> contract(dir, mounted, running), BESIDE_THE_TESTS);
    Ran tests =
        Ran.run(dir, recipe.tests(), limitsOf.get(recipe.tests()), options, mounted, running);
    List<Ran> ran = new ArrayList<>(setup);
    ran.addAll(linters.join());
    ran.add(tests);

    List<String> problems = new ArrayList<>();
    int findings = 0;
    for (Ran one : ran) {
      findings += one.outcome().findings();
      problems.addAll(one.problems());
    }
    if (findings > 0) {
      problems.add(findings + " " + recipe.finding() + (findings == 1 ? "" : "s"));
    }
    ContractCheck.Result contract =
        beside != null
            ? beside.join()
            : problems.isEmpty() ? contract(dir, mounted, running) : null;
    if (contract != null && contract.failed()) {
      problems.add(contract.summary());
    }
    return report(started, ran, tests, problems, findings, contract);
  }

  private Verification report(
      long started,
      List<Ran> ran,
      Ran tests,
      List<String> problems,
      int findings,
      ContractCheck.Result contract) {
    long millis = (System.nanoTime() - started) / 1_000_000;
    List<String> logs = new ArrayList<>();
    ran.subList(0, ran.size() - 1).forEach(one -> logs.add(one.log()));
    String contractLog = contract == null ? "" : contract.log();
    // The log keeps its end: what failed goes last.
    boolean testsPassed = tests.outcome().problems().isEmpty() && !tests.run().timedOut();
    logs.add(testsPassed ? tests.log() + contractLog : contractLog + "\n" + tests.log());
    String tail = tail(String.join("\n", logs));
    int passed = tests.outcome().passed();
    if (!problems.isEmpty()) {
      return new Verification(
          VerificationState.FAILED,
          String.join(", ", problems),
          passed,
          tests.outcome().failed(),
          findings,
          tail,
          millis);
    }
    String reason =
        (passed == 0
                ? "The project has no tests"
                : passed + (passed == 1 ? " test passed" : " tests passed"))
            + "; "
            + recipe.clean()
            + (contract == null ? "" : "; " + contract.summary());
    return new Verification(VerificationState.PASSED, reason, passed, 0, 0, tail, millis);
  }

  private ContractCheck.Result contract(Path dir, Optional<Path> cache, RunningProcesses running) {
    ContractCheck.Launched launched = contractLaunch(dir, cache);
    if (launched.launch() == null) {
      String why = "no contract check: " + launched.missing();
      return new ContractCheck.Result(false, why, 0, 0, "\n$ contract check\n" + why + "\n", 0);
    }
    return ContractCheck.run(dir, launched.launch(), running);
  }

  /** How the contract check starts the app of the project in {@code dir}, or why it cannot. */
  ContractCheck.Launched contractLaunch(Path dir, Optional<Path> cache) {
    VerificationRecipe.ContractLaunch contract = recipe.contract();
    Launch launch = contract.launcher().launch(dir, LiveApp.PORT);
    if (launch.command().isEmpty()) {
      return new ContractCheck.Launched(null, launch.missing());
    }
    return new ContractCheck.Launched(
        new ContractCheck.Launch(
            options(contract.environment(), cache),
            substitute(launch.command(), cache),
            contract.documentFile(),
            contract.startup()),
        "");
  }

  private Sandbox.Options options(Map<String, String> environment, Optional<Path> cache) {
    Map<String, String> variables = new LinkedHashMap<>();
    environment.forEach((name, value) -> variables.put(name, substitute(value, cache)));
    return new Sandbox.Options(
        recipe.memoryBytes(),
        cache.map(dir -> List.of(dir.toString())).orElse(List.of()),
        variables);
  }

  private static VerificationLimits.Limit limit(VerificationLimits limits, Check check, Path dir) {
    VerificationRecipe.Budget budget = check.budget();
    return limits.limit(
        check.name(),
        budget.floor(),
        budget.each(),
        budget.units().applyAsLong(dir),
        budget.unitName());
  }

  static List<String> substitute(List<String> words, Optional<Path> cache) {
    return words.stream().map(word -> substitute(word, cache)).toList();
  }

  private static String substitute(String word, Optional<Path> cache) {
    return cache.isPresent()
        ? word.replace(VerificationRecipe.CACHE, cache.get().toString())
        : word;
  }

  /** A check that ran: its run, what it found, and the limit it ran under. */
  private record Ran(Check check, Run run, Outcome outcome, VerificationLimits.Limit limit) {

    static Ran run(
        Path dir,
        Check check,
        VerificationLimits.Limit limit,
        Sandbox.Options options,
        Optional<Path> cache,
        RunningProcesses running) {
      Sandbox.Result result =
          Sandbox.run(
              dir,
              limit.duration(),
              options,
              running,
              substitute(check.command(), cache).toArray(String[]::new));
      Run run = new Run(result.exitCode(), result.output(), result.timedOut());
      return new Ran(check, run, check.reader().read(run, dir), limit);
    }

    String log() {
      return "$ " + check.shown() + "\n" + run.output();
    }

    /** What fails the verification: the time limit it exceeded, or what its reader found. */
    List<String> problems() {
      return run.timedOut() ? List.of(limit.exceeded()) : outcome.problems();
    }
  }
}
