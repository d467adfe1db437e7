package io.backforge.activities.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backforge.activities.heartbeat.Heartbeat;
import io.backforge.workflows.DraftActivities;
import io.backforge.workflows.payload.DraftError;
import io.backforge.workflows.payload.DraftInput;
import io.backforge.workflows.payload.DraftResult;
import io.backforge.workflows.payload.TokenUsage;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Component;

/**
 * Drafts a spec from words on a worker: asks this worker's language model for a {@link SpecDraft},
 * validates the spec built from it with {@link DraftSpecs} and records the tokens it cost, one row
 * per attempt. A worker without a model answers {@code UNAVAILABLE} with the reason, asking
 * nothing.
 */
@Component
public class DraftActivitiesImpl implements DraftActivities {

  /** Type of the retryable failure raised for timeouts, 429 and 5xx answers. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LanguageModel model;
  private final AiUsageStore usage;

  /** Drafts asked of {@code model}, their cost recorded in {@code usage}. */
  public DraftActivitiesImpl(LanguageModel model, AiUsageStore usage) {
    this.model = model;
    this.usage = usage;
  }

  /**
   * Heartbeats while the model thinks, so that a dead worker's draft is retried within the
   * activity's heartbeat timeout; an attempt that was cancelled or timed out meanwhile ends with
   * that reason, not with a result.
   */
  @Override
  public DraftResult draft(DraftInput input) {
    if (!model.configured()) {
      return DraftResult.unavailable(model.unavailableReason());
    }
    try (Heartbeat heartbeat = Heartbeat.start(Activity.getExecutionContext())) {
      DraftResult result = ask(input);
      heartbeat.throwIfStopped();
      return result;
    }
  }

  private DraftResult ask(DraftInput input) {
    LanguageModel.Answer<SpecDraft> answer;
    try {
      answer = model.draft(input.prompt());
    } catch (AiCallException e) {
      record(input, e.usage());
      throw failure(e);
    }
    record(input, answer.usage());
    DraftSpecs.Draft draft = DraftSpecs.validate(answer.content(), answer.usage());
    return DraftResult.drafted(
        json(draft),
        draft.errors().stream().map(e -> new DraftError(e.pointer(), e.message())).toList(),
        new TokenUsage(
            draft.usage().requests(), draft.usage().inputTokens(), draft.usage().outputTokens()));
  }

  private static ApplicationFailure failure(AiCallException e) {
    return e.kind() == AiCallException.Kind.MALFORMED_ANSWER
        ? ApplicationFailure.newNonRetryableFailure(e.getMessage(), AI_MALFORMED_ANSWER)
        : e.activityFailure();
  }

  private void record(DraftInput input, AiUsage spent) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    String key = info.getRunId() + "/" + info.getActivityId() + "/" + info.getAttempt();
    usage.record(null, input.owner(), "draft", model.name(), key, spent);
  }

  private static String json(DraftSpecs.Draft draft) {
    try {
      return JSON.writeValueAsString(draft.spec());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a draft of plain maps and lists is always JSON", e);
    }
  }
}
