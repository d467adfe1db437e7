package io.backforge.api.web;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A generation's workflow event history from Temporal, for the project page's timeline: each event
 * with its type, what it concerns (the activity, the failure) and when, relative to the start.
 */
@Component
class WorkflowHistory {

  private static final Logger log = LoggerFactory.getLogger(WorkflowHistory.class);
  private static final int MAX_EVENTS = 500;

  private final WorkflowClient temporal;

  WorkflowHistory(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /** The events, or {@code null} when Temporal no longer has (or cannot give) the history. */
  List<Event> of(String workflowId) {
    try {
      List<HistoryEvent> events = temporal.streamHistory(workflowId).limit(MAX_EVENTS).toList();
      if (events.isEmpty()) {
        return List.of();
      }
      long start = millis(events.get(0));
      return events.stream()
          .map(e -> new Event(e.getEventId(), title(e), detail(e), millis(e) - start))
          .toList();
    } catch (RuntimeException e) {
      log.debug("No history for workflow {}: {}", workflowId, e.getMessage());
      return null;
    }
  }

  private static long millis(HistoryEvent event) {
    return event.getEventTime().getSeconds() * 1000 + event.getEventTime().getNanos() / 1_000_000;
  }

  private static String title(HistoryEvent event) {
    String name = event.getEventType().name().replaceFirst("^EVENT_TYPE_", "");
    String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String detail(HistoryEvent event) {
    if (event.hasActivityTaskScheduledEventAttributes()) {
      return event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
    }
    if (event.hasActivityTaskStartedEventAttributes()) {
      return "attempt " + event.getActivityTaskStartedEventAttributes().getAttempt();
    }
    if (event.hasActivityTaskFailedEventAttributes()) {
      return event.getActivityTaskFailedEventAttributes().getFailure().getMessage();
    }
    if (event.hasWorkflowExecutionFailedEventAttributes()) {
      return event.getWorkflowExecutionFailedEventAttributes().getFailure().getMessage();
    }
    if (event.hasTimerStartedEventAttributes()) {
      var timeout = event.getTimerStartedEventAttributes().getStartToFireTimeout();
      return timeout.getSeconds() + " s";
    }
    return "";
  }

  /** One event of the timeline; {@code offsetMillis} since the workflow started. */
  record Event(long id, String title, String detail, long offsetMillis) {}
}
