package io.backforge.api.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.api.project.EventCursor.Event;
import io.backforge.api.project.ProjectViews.EndEvent;
import io.backforge.api.project.ProjectViews.StepView;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepProgress;
import io.backforge.workflows.StepState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCursorTests {

  @Test
  void aFreshClientGetsTheStatusAndEveryStepInOrder() {
    List<Event> events = EventCursor.start().eventsTo(running(started(Step.VALIDATE_SPEC)));

    assertThat(events)
        .extracting(Event::name)
        .containsExactly("status", "step", "step", "step", "step", "step", "step");
    assertThat(events.subList(1, 7))
        .extracting(e -> ((StepView) e.data()).id())
        .containsExactly(
            "validate-spec", "create-features", "scaffold", "ai-enrichment", "verify", "zip");
    assertThat(events.get(0).after().id()).isEqualTo("R");
    assertThat(events.get(1).after().id()).matches("R\\.[0-9a-f]{8}");
    assertThat(events.get(6).after().id()).matches("R(\\.[0-9a-f]{8}){6}");
  }

  @Test
  void everyIdNamesTheCursorItWasMadeFrom() {
    for (Event event : EventCursor.start().eventsTo(ended(ProjectStatus.FAILED))) {
      assertThat(EventCursor.parse(event.after().id())).isEqualTo(event.after());
    }
  }

  @Test
  void onlyTheStepsThatChangedAreSentAgain() {
    EventCursor seen = last(EventCursor.start().eventsTo(running(started(Step.VALIDATE_SPEC))));

    List<Event> events = seen.eventsTo(running(succeeded(Step.VALIDATE_SPEC)));

    assertThat(events).extracting(Event::name).containsExactly("step");
    assertThat(((StepView) events.get(0).data()).state()).isEqualTo(StepState.SUCCEEDED);
    assertThat(last(events).eventsTo(running(succeeded(Step.VALIDATE_SPEC)))).isEmpty();
  }

  @Test
  void theEndComesAfterTheFinalStepsAndCarriesTheStatus() {
    EventCursor seen = last(EventCursor.start().eventsTo(running(started(Step.VALIDATE_SPEC))));

    List<Event> events = seen.eventsTo(ended(ProjectStatus.SUCCEEDED));

    assertThat(events).isNotEmpty();
    assertThat(events.subList(0, events.size() - 1)).extracting(Event::name).containsOnly("step");
    Event end = events.get(events.size() - 1);
    assertThat(end.name()).isEqualTo("end");
    assertThat(((EndEvent) end.data()).status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(end.after().sawEnd()).isTrue();
    assertThat(end.after().eventsTo(ended(ProjectStatus.SUCCEEDED))).isEmpty();
  }

  @Test
  void resumingAfterAnyEventGivesExactlyTheEventsThatFollowedIt() {
    Progress project = ended(ProjectStatus.SUCCEEDED);
    List<Event> uninterrupted = EventCursor.start().eventsTo(project);

    for (int seen = 1; seen <= uninterrupted.size(); seen++) {
      EventCursor resumed = EventCursor.parse(uninterrupted.get(seen - 1).after().id());
      List<Event> rest = resumed.eventsTo(project);

      List<Event> union = new ArrayList<>(uninterrupted.subList(0, seen));
      union.addAll(rest);
      assertThat(union).isEqualTo(uninterrupted);
    }
  }

  @Test
  void aMalformedLastEventIdStartsFromTheBeginning() {
    for (String id :
        Arrays.asList(
            null,
            "",
            "garbage",
            "X.0123abcd",
            "R.0123abc",
            "R.0123ABCD",
            "R." + "0123abcd.".repeat(7))) {
      assertThat(EventCursor.parse(id)).as(String.valueOf(id)).isEqualTo(EventCursor.start());
    }
  }

  @Test
  void aStepWithAnotherAttemptOrErrorHashesDifferently() {
    StepProgress first = new StepProgress(Step.SCAFFOLD, StepState.RUNNING, 1, null, null, 5, 0);
    StepProgress failed = new StepProgress(Step.SCAFFOLD, StepState.RUNNING, 1, "boom", null, 5, 0);
    StepProgress second = new StepProgress(Step.SCAFFOLD, StepState.RUNNING, 2, "boom", null, 5, 0);
    StepProgress nullText =
        new StepProgress(Step.SCAFFOLD, StepState.RUNNING, 1, "null", null, 5, 0);

    assertThat(List.of(first, failed, second, nullText))
        .extracting(EventCursor::hash)
        .doesNotHaveDuplicates();
  }

  private static EventCursor last(List<Event> events) {
    return events.get(events.size() - 1).after();
  }

  private static Progress running(StepProgress changed) {
    return new Progress(ProjectStatus.RUNNING, steps(changed), List.of(), null);
  }

  private static Progress ended(ProjectStatus status) {
    List<StepProgress> steps = new ArrayList<>();
    for (Step step : Step.values()) {
      steps.add(
          new StepProgress(
              step,
              status == ProjectStatus.SUCCEEDED ? StepState.SUCCEEDED : StepState.FAILED,
              1,
              null,
              step.title() + " done",
              10,
              20));
    }
    return new Progress(status, steps, List.of(), status == ProjectStatus.FAILED ? "no" : null);
  }

  private static List<StepProgress> steps(StepProgress changed) {
    return Arrays.stream(Step.values())
        .map(step -> step == changed.step() ? changed : StepProgress.pending(step))
        .toList();
  }

  private static StepProgress started(Step step) {
    return new StepProgress(step, StepState.RUNNING, 1, null, null, 10, 0);
  }

  private static StepProgress succeeded(Step step) {
    return new StepProgress(step, StepState.SUCCEEDED, 1, null, null, 10, 20);
  }
}
