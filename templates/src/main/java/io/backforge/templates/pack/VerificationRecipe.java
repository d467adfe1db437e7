package io.backforge.templates.pack;

import io.backforge.templates.generate.GeneratedProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * What the verify step runs on a pack's generated projects: commands in a sandbox without network
 * (the platform's), how long each may take, how their output reads, the dependency cache they use
 * and how the contract check starts the app. A recipe is data and small pure functions over the
 * built project's files; the platform's verification runs any pack's recipe the same way: the
 * linters one after the other on a second core while the tests run, then the contract check (beside
 * the tests too, unless it needs what the tests built). Setup checks, if any, run before all of
 * them, one after the other (installing the project's dependencies offline from the cache, say);
 * when one fails, nothing else runs.
 *
 * <p>Commands and environment values may name the dependency cache's directory as {@link #CACHE}.
 *
 * @param tools executables the worker must have, by absolute path
 * @param probe a command that must succeed in an empty sandbox for the checks to run on a worker
 * @param memoryBytes the sandbox's address-space limit
 * @param environment the variables of every check's sandbox, besides {@code PATH}, {@code HOME} and
 *     {@code LANG}
 * @param cache the dependency cache the checks read (read-only in the sandbox), if any
 * @param linters checks that only read the project
 * @param tests the build and the project's own tests
 * @param finding what one finding of {@code linters} or {@code tests} is, for people: {@code lint
 *     finding}, {@code compiler warning}
 * @param clean what the checks say besides the tests when they found nothing: {@code Black and
 *     pyflakes clean}
 * @param contract how the contract check starts the app
 * @param setup checks that prepare the project for the others, in order, before the linters and the
 *     tests
 */
public record VerificationRecipe(
    List<String> tools,
    List<String> probe,
    long memoryBytes,
    Map<String, String> environment,
    Optional<DependencyCache> cache,
    List<Check> linters,
    Check tests,
    String finding,
    String clean,
    ContractLaunch contract,
    List<Check> setup) {

  /** Where the project's directory appears inside the sandbox, its working directory. */
  public static final String PROJECT = "/project";

  /** Stands for the dependency cache's directory in commands and environment values. */
  public static final String CACHE = "{cache}";

  /** Copies the lists and maps, so that a recipe stays as it was made. */
  public VerificationRecipe {
    tools = List.copyOf(tools);
    probe = List.copyOf(probe);
    environment = Map.copyOf(environment);
    linters = List.copyOf(linters);
    setup = List.copyOf(setup);
  }

  /** A recipe without setup checks: the linters and the tests run on the project as generated. */
  public VerificationRecipe(
      List<String> tools,
      List<String> probe,
      long memoryBytes,
      Map<String, String> environment,
      Optional<DependencyCache> cache,
      List<Check> linters,
      Check tests,
      String finding,
      String clean,
      ContractLaunch contract) {
    this(
        tools,
        probe,
        memoryBytes,
        environment,
        cache,
        linters,
        tests,
        finding,
        clean,
        contract,
        List.of());
  }

  /**
   * One command of the recipe.
   *
   * @param name how people know it, in limits and problems: {@code pytest}, {@code mvn verify}
   * @param shown how the log shows it: {@code python3 -m pytest -q}
   * @param command what runs, in the project's directory
   * @param budget how long it may take
   * @param reader what its run found
   */
  public record Check(
      String name, String shown, List<String> command, Budget budget, Reader reader) {

    /** Copies the command. */
    public Check {
      command = List.copyOf(command);
    }
  }

  /**
   * A check's time limit: {@code floor} plus {@code each} for every unit of the project that {@code
   * units} counts (named {@code unitName}, plural), within the verification's overall limit.
   *
   * @param floor the least it gets
   * @param each the allowance per unit
   * @param unitName what a unit is, plural: {@code Python files}
   * @param units counts the units of the project in a directory
   */
  public record Budget(Duration floor, Duration each, String unitName, ToLongFunction<Path> units) {

    /**
     * A budget per file whose name ends with {@code suffix}: {@code .py}, named {@code unitName}.
     */
    public static Budget perFile(Duration floor, Duration each, String suffix, String unitName) {
      return new Budget(
          floor,
          each,
          unitName,
          dir -> {
            try (Stream<Path> paths = Files.walk(dir)) {
              return paths
                  .filter(Files::isRegularFile)
                  .filter(p -> p.getFileName().toString().endsWith(suffix))
                  .count();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  /**
   * What a sandboxed command did.
   *
   * @param exitCode its exit code
   * @param output stdout and stderr together (the end of it, when it was long)
   * @param timedOut whether its time limit stopped it
   */
  public record Run(int exitCode, String output, boolean timedOut) {}

  /**
   * What a check found.
   *
   * @param passed tests that passed
   * @param failed tests that failed or errored
   * @param findings linter findings or compiler warnings
   * @param problems what else fails the verification, for people (a time limit is the platform's)
   */
  public record Outcome(int passed, int failed, int findings, List<String> problems) {

    /** Copies the problems. */
    public Outcome {
      problems = List.copyOf(problems);
    }

    /** Only findings (a linter). */
    public static Outcome findings(int findings) {
      return new Outcome(0, 0, findings, List.of());
    }
  }

  /** Reads a check's run, with the project directory as the run left it. */
  @FunctionalInterface
  public interface Reader {

    /** What {@code run} found, in the project in {@code dir}. */
    Outcome read(Run run, Path dir);
  }

  /**
   * A directory of dependencies the checks read offline, warmed once per worker with network: a
   * warm-up project built outside the sandbox. A marker in the directory, named after the hash of
   * the warm-up's {@code identity} files, records that it is warm, so that a generator needing
   * other dependencies warms again and a warm cache costs nothing.
   *
   * @param property its directory's configuration property below {@code backforge.verify.}: {@code
   *     maven-repository} (environment variable {@code BACKFORGE_VERIFY_MAVEN_REPOSITORY})
   * @param title what it is, for people: {@code Maven repository}
   * @param defaultDirectory where it is when not configured
   * @param warmUp the warm-up project
   * @param identity the names of the warm-up's files that decide which dependencies it needs:
   *     {@code pom.xml}
   * @param warm the command that warms it, run in the warm-up project's directory
   * @param limit how long warming may take
   */
  public record DependencyCache(
      String property,
      String title,
      Path defaultDirectory,
      Supplier<GeneratedProject> warmUp,
      List<String> identity,
      List<String> warm,
      Duration limit) {

    /** Copies the lists. */
    public DependencyCache {
      identity = List.copyOf(identity);
      warm = List.copyOf(warm);
    }
  }

  /**
   * How the contract check starts the app, on a throw-away database in the sandbox.
   *
   * @param documentFile where the project ships its OpenAPI document, relative to its root
   * @param startup how long the app may take to accept connections
   * @param afterTests whether it needs what the tests built (then it runs once they passed)
   * @param environment the app's variables, instead of the recipe's
   * @param launcher its command, from the project's files
   */
  public record ContractLaunch(
      String documentFile,
      Duration startup,
      boolean afterTests,
      Map<String, String> environment,
      Launcher launcher) {

    /** Copies the environment. */
    public ContractLaunch {
      environment = Map.copyOf(environment);
    }
  }

  /** Finds how to start the app of the project in a directory. */
  @FunctionalInterface
  public interface Launcher {

    /**
     * The command that serves the app of the project in {@code dir} on {@code 127.0.0.1:port}, or
     * why there is none, for people.
     */
    Launch launch(Path dir, int port);
  }

  /**
   * A command that starts the app, or why there is none.
   *
   * @param command the command, or empty
   * @param missing why there is none, for people; empty when there is one
   */
  public record Launch(List<String> command, String missing) {

    /** Copies the command. */
    public Launch {
      command = List.copyOf(command);
    }

    /** A launch with {@code command}. */
    public static Launch of(List<String> command) {
      return new Launch(command, "");
    }

    /** No launch, because of {@code missing}. */
    public static Launch none(String missing) {
      return new Launch(List.of(), missing);
    }
  }
}
