package io.backforge.activities.heartbeat;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats the current activity from a background thread while its work runs, so that Temporal
 * notices a dead worker within the activity's heartbeat timeout (seconds) instead of its
 * start-to-close timeout (minutes); and learns, from the heartbeat's answer, when the work must
 * stop: the activity was cancelled, its attempt timed out or no longer exists (another attempt runs
 * elsewhere), or this worker shuts down. Then it runs {@code onStop} once (a verification kills its
 * sandboxes there) and {@link #throwIfStopped} rethrows why, for the activity to end with.
 *
 * <p>The first heartbeat goes out after {@link #INTERVAL}, so an activity that ends sooner sends
 * none; the SDK throttles the rest (to {@code WorkerOptions.setMaxHeartbeatThrottleInterval}).
 */
public final class Heartbeat implements AutoCloseable {

  /** How often the work heartbeats; well within every heartbeat timeout of the workflow. */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

  private static final ScheduledExecutorService BEATS =
      Executors.newScheduledThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "activity-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  private final ActivityExecutionContext context;
  private final Runnable onStop;
  private final ScheduledFuture<?> beating;
  private volatile ActivityCompletionException stopped;

  private Heartbeat(ActivityExecutionContext context, Runnable onStop) {
    this.context = context;
    this.onStop = onStop;
    this.beating =
        BEATS.scheduleWithFixedDelay(
            this::beat, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts heartbeating the activity of {@code context} until {@link #close}. */
  public static Heartbeat start(ActivityExecutionContext context, Runnable onStop) {
    return new Heartbeat(context, onStop);
  }

  /** Starts heartbeating the activity of {@code context}; nothing to stop but the work itself. */
  public static Heartbeat start(ActivityExecutionContext context) {
    return new Heartbeat(context, () -> {});
  }

  private void beat() {
    if (stopped != null) {
      return;
    }
    try {
      context.heartbeat(null);
    } catch (ActivityCompletionException e) {
      stopped = e;
      beating.cancel(false);
      log.info(
          "Stopping activity {} (attempt {}) of {}: {}",
          context.getInfo().getActivityType(),
          context.getInfo().getAttempt(),
          context.getInfo().getWorkflowId(),
          e.getClass().getSimpleName());
      onStop.run();
    } catch (RuntimeException e) {
      // the SDK retries a heartbeat that could not be sent; the next beat tries again
      log.debug("Heartbeat not recorded", e);
    }
  }

  /** Whether the work must stop. */
  public boolean stopped() {
    return stopped != null;
  }

  /**
   * Rethrows why the work must stop, if it must: the activity then ends as cancelled (or as the
   * attempt that timed out or is gone), never with a result its workflow no longer waits for.
   */
  public void throwIfStopped() {
    ActivityCompletionException why = stopped;
    if (why != null) {
      throw why;
    }
  }

  @Override
  public void close() {
    beating.cancel(false);
  }
}
