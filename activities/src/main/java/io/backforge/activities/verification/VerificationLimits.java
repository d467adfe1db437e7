package io.backforge.activities.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The time limits of one verification. Each step gets a limit that grows with the project's size (a
 * floor plus an allowance per test or per file), cut to what is left of one overall limit. The
 * overall limit, with the contract check that follows a build, stays inside the verify activity's
 * start-to-close timeout ({@code ProjectGenerationWorkflowImpl}), so a project too large for the
 * budget still ends with a FAILED verification that names the limit, never with an activity
 * timeout.
 */
final class VerificationLimits {

  /** How long the checks of one verification may take in all, before the contract check. */
  static final Duration OVERALL = Duration.ofMinutes(9);

  /** The least a step gets, since {@code timeout 0} would mean no limit at all. */
  static final Duration LEAST = Duration.ofSeconds(1);

  private final Duration overall;
  private final LongSupplier nanoClock;
  private final long startedNanos;

  private VerificationLimits(Duration overall, LongSupplier nanoClock) {
    this.overall = overall;
    this.nanoClock = nanoClock;
    this.startedNanos = nanoClock.getAsLong();
  }

  /** Limits whose overall limit runs from now. */
  static VerificationLimits start() {
    return new VerificationLimits(OVERALL, System::nanoTime);
  }

  /** Limits on a given clock, for tests. */
  static VerificationLimits start(Duration overall, LongSupplier nanoClock) {
    return new VerificationLimits(overall, nanoClock);
  }

  /**
   * The limit of {@code step}: {@code floor} plus {@code each} for every one of {@code units}
   * (described by {@code unitName}, plural), or what is left of the overall limit if that is less.
   */
  Limit limit(String step, Duration floor, Duration each, long units, String unitName) {
    Duration own = floor.plus(each.multipliedBy(units));
    Duration left = overall.minusNanos(nanoClock.getAsLong() - startedNanos);
    if (left.compareTo(own) < 0) {
      Duration cut = left.compareTo(LEAST) < 0 ? LEAST : left;
      return new Limit(
          step,
          cut,
          "what was left of the verification's overall limit of "
              + describe(overall)
              + "; its own limit for "
              + units
              + " "
              + unitName
              + " would be "
              + describe(own));
    }
    return new Limit(step, own, "its limit for " + units + " " + unitName);
  }

  /**
   * A step's time limit.
   *
   * @param step the command, as people know it ({@code pytest})
   * @param duration how long it may run
   * @param basis how the duration was chosen, for people
   */
  record Limit(String step, Duration duration, String basis) {

    /** Why the step stopped: which limit it hit and how long that was. */
    String exceeded() {
      return step + " did not finish within " + describe(duration) + " (" + basis + ")";
    }
  }

  /** A duration for people: {@code 45 s}, {@code 7 min}, {@code 7 min 20 s}. */
  static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    long rest = seconds % 60;
    return seconds / 60 + " min" + (rest == 0 ? "" : " " + rest + " s");
  }

  /** The number of regular files under {@code dir} whose path matches {@code wanted}. */
  static long countFiles(Path dir, Predicate<Path> wanted) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).filter(wanted).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
