package io.backforge.workflows.payload;

import java.util.List;

/**
 * Outcome of a spec draft, of the activity and of the workflow alike.
 *
 * @param outcome how it ended
 * @param reason why there is no draft, for people (no trailing period); {@code null} when drafted
 * @param specJson the draft spec document as JSON text; {@code null} unless drafted
 * @param errors every problem the spec validator found in the draft; empty when it is valid
 * @param usage the tokens the draft cost
 */
public record DraftResult(
    DraftOutcome outcome,
    String reason,
    String specJson,
    List<DraftError> errors,
    TokenUsage usage) {

  public DraftResult {
    errors = errors == null ? List.of() : List.copyOf(errors);
    usage = usage == null ? TokenUsage.NONE : usage;
  }

  /** A draft the model answered, with the validator's errors. */
  public static DraftResult drafted(String specJson, List<DraftError> errors, TokenUsage usage) {
    return new DraftResult(DraftOutcome.DRAFTED, null, specJson, errors, usage);
  }

  /** No model could be asked, because of {@code reason}. */
  public static DraftResult unavailable(String reason) {
    return new DraftResult(DraftOutcome.UNAVAILABLE, reason, null, List.of(), TokenUsage.NONE);
  }

  /** The model gave no usable answer, because of {@code reason}. */
  public static DraftResult failed(String reason) {
    return new DraftResult(DraftOutcome.FAILED, reason, null, List.of(), TokenUsage.NONE);
  }

  /** Whether the model answered a draft that is a valid spec. */
  public boolean valid() {
    return outcome == DraftOutcome.DRAFTED && errors.isEmpty();
  }
}
