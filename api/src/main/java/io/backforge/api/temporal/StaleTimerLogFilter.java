package io.backforge.api.temporal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps one false alarm of Temporal's test server out of the error log. The server arms an
 * activity's schedule-to-start timer once, when it schedules the first attempt, and never disarms
 * it. When the timer fires while that first attempt is still running (a verification that runs
 * longer than its 2-minute schedule-to-start timeout, or, before activities heartbeated, one whose
 * worker had died), the server refuses its own stale timer with {@code INTERNAL: Not in INITIATED},
 * changes nothing, and logs the refusal at error level with a stack trace ("Failure trying to add
 * task for an activity retry"). This filter logs exactly that event at debug level instead; every
 * other event passes unchanged.
 */
public final class StaleTimerLogFilter extends TurboFilter {

  static final String TEST_SERVER_LOGGER =
      "io.temporal.internal.testservice.TestWorkflowMutableStateImpl";

  private static final Logger log = LoggerFactory.getLogger(StaleTimerLogFilter.class);
  private static final AtomicLong SUPPRESSED = new AtomicLong();

  private StaleTimerLogFilter() {}

  /**
   * Adds the filter to Logback, once, and again whenever Logback is reset (as Spring Boot does when
   * another application context in the process configures logging); nothing when Logback is not in
   * use.
   */
  public static void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      synchronized (StaleTimerLogFilter.class) {
        if (context.getCopyOfListenerList().stream().noneMatch(Reinstaller.class::isInstance)) {
          context.addListener(new Reinstaller());
        }
        add(context);
      }
    }
  }

  private static void add(LoggerContext context) {
    if (context.getTurboFilterList().stream().noneMatch(StaleTimerLogFilter.class::isInstance)) {
      StaleTimerLogFilter filter = new StaleTimerLogFilter();
      filter.setName("temporal-test-server-stale-timer");
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  /** Puts the filter back after a reset, which drops every turbo filter. */
  private static final class Reinstaller implements LoggerContextListener {
    @Override
    public boolean isResetResistant() {
      return true;
    }

    @Override
    public void onReset(LoggerContext context) {
      add(context);
    }

    @Override
    public void onStart(LoggerContext context) {}

    @Override
    public void onStop(LoggerContext context) {}

    @Override
    public void onLevelChange(ch.qos.logback.classic.Logger logger, Level level) {}
  }

  /** How many such events this process has logged at debug level instead of error. */
  static long suppressed() {
    return SUPPRESSED.get();
  }

  @Override
  public FilterReply decide(
      Marker marker,
      ch.qos.logback.classic.Logger logger,
      Level level,
      String format,
      Object[] params,
      Throwable t) {
    if (level == Level.ERROR
        && t instanceof StatusRuntimeException refused
        && refused.getStatus().getCode() == Status.Code.INTERNAL
        && "Not in INITIATED".equals(refused.getStatus().getDescription())
        && TEST_SERVER_LOGGER.equals(logger.getName())) {
      SUPPRESSED.incrementAndGet();
      log.debug(
          "Temporal test server: ignored the stale schedule-to-start timer of an activity whose"
              + " first attempt had started");
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
