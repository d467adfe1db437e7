package io.backforge.workflows.payload;

import java.util.List;

/**
 * The features a project is generated with, dependencies resolved, in contribution order.
 *
 * @param features feature ids, for example {@code crud}, {@code pagination}, {@code auth-jwt}
 * @param aiRequested whether the spec asks for AI enrichment
 * @param attempt the activity attempt that produced this result
 * @param verifyRequested whether the project should be verified
 * @param verifyNote why it is not verified when {@code verifyRequested} is false, else {@code null}
 */
public record FeaturePlan(
    List<String> features,
    boolean aiRequested,
    int attempt,
    boolean verifyRequested,
    String verifyNote)
    implements Attempted {

  public FeaturePlan {
    features = List.copyOf(features);
  }

  /** A plan without verification ("Not requested by the spec"). */
  public FeaturePlan(List<String> features, boolean aiRequested, int attempt) {
    this(features, aiRequested, attempt, false, "Not requested by the spec");
  }

  /** For the step's progress. */
  @Override
  public String detail() {
    return String.join(", ", features());
  }
}
