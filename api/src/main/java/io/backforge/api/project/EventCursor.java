package io.backforge.api.project;

import io.backforge.api.project.ProjectViews.EndEvent;
import io.backforge.api.project.ProjectViews.StatusEvent;
import io.backforge.api.project.ProjectViews.StepView;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepProgress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a client of a project's event stream has seen, and the id of the event that brought it
 * there. The id is a pure function of the project's state: the first letter of the last status it
 * was told ({@code -} for none) and, for each step in order, a hash of the step as it was last sent
 * ({@code -} for a step not sent yet; steps after the last one sent are left out), joined by dots,
 * such as {@code R.3f9a0c1e.b27d4410}. Any web process can therefore resume a stream from the
 * {@code Last-Event-ID} alone: it sends what differs between the id and the project as it is now,
 * and nothing the client already has.
 *
 * @param status the first letter of the last status sent, or {@code '-'}
 * @param steps per step in {@link Step} order, the hash of what was last sent, or {@code null}
 */
record EventCursor(char status, List<String> steps) {

  private static final char NONE = '-';
  private static final Pattern ID =
      Pattern.compile("[-QRSFC](\\.([0-9a-f]{8}|-)){0," + Step.values().length + "}");

  EventCursor {
    steps = Collections.unmodifiableList(new ArrayList<>(steps));
  }

  /** A client that has seen nothing. */
  static EventCursor start() {
    return new EventCursor(NONE, Arrays.asList(new String[Step.values().length]));
  }

  /** The cursor named by a {@code Last-Event-ID}; from the start when absent or malformed. */
  static EventCursor parse(String lastEventId) {
    if (lastEventId == null || !ID.matcher(lastEventId.strip()).matches()) {
      return start();
    }
    String[] parts = lastEventId.strip().split("\\.");
    String[] steps = new String[Step.values().length];
    for (int i = 1; i < parts.length; i++) {
      steps[i - 1] = parts[i].equals("-") ? null : parts[i];
    }
    return new EventCursor(parts[0].charAt(0), Arrays.asList(steps));
  }

  /** The event id of this cursor. */
  String id() {
    int last = steps.size();
    while (last > 0 && steps.get(last - 1) == null) {
      last--;
    }
    StringBuilder id = new StringBuilder().append(status);
    for (int i = 0; i < last; i++) {
      id.append('.').append(steps.get(i) == null ? "-" : steps.get(i));
    }
    return id.toString();
  }

  /** Whether the client has been told how the project ended. */
  boolean sawEnd() {
    return status == letter(ProjectStatus.SUCCEEDED)
        || status == letter(ProjectStatus.FAILED)
        || status == letter(ProjectStatus.CANCELLED);
  }

  /**
   * The events that bring a client here up to {@code progress}, in order: a {@code status} event
   * when the project's status (before its end) changed, a {@code step} event for each step that
   * differs from what was sent, and once the project ended, the {@code end} event. Each carries the
   * cursor after it; the last one's is where the client then stands.
   */
  List<Event> eventsTo(Progress progress) {
    List<Event> events = new ArrayList<>();
    EventCursor at = this;
    boolean ended = progress.status().terminal();
    if (!ended && at.status != letter(progress.status())) {
      at = new EventCursor(letter(progress.status()), at.steps);
      events.add(new Event("status", new StatusEvent(progress.status()), at));
    }
    for (StepProgress step : progress.steps()) {
      int index = step.step().ordinal();
      String hash = hash(step);
      if (!hash.equals(at.steps.get(index))) {
        List<String> seen = new ArrayList<>(at.steps);
        seen.set(index, hash);
        at = new EventCursor(at.status, seen);
        events.add(new Event("step", StepView.of(step), at));
      }
    }
    if (ended && at.status != letter(progress.status())) {
      at = new EventCursor(letter(progress.status()), at.steps);
      events.add(
          new Event(
              "end", new EndEvent(progress.status(), progress.error(), progress.warnings()), at));
    }
    return events;
  }

  /**
   * One event of the stream.
   *
   * @param name the event's name ({@code status}, {@code step} or {@code end})
   * @param data what it carries, sent as JSON
   * @param after where the client stands once it has it; its id is the event's
   */
  record Event(String name, Object data, EventCursor after) {}

  private static char letter(ProjectStatus status) {
    return status.name().charAt(0);
  }

  /** The first 8 hex digits of the SHA-256 of everything a step event says about the step. */
  static String hash(StepProgress step) {
    String canonical =
        String.join(
            "\u0000",
            step.step().id(),
            step.state().name(),
            Integer.toString(step.attempts()),
            String.valueOf(step.lastError()),
            step.lastError() == null ? "0" : "1",
            String.valueOf(step.detail()),
            step.detail() == null ? "0" : "1",
            Long.toString(step.startedAt()),
            Long.toString(step.endedAt()));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
