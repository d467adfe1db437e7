package io.backforge.workflows.payload;

import java.util.List;

/**
 * The features a project is generated with, dependencies resolved, in contribution order.
 *
 * @param features feature ids, for example {@code crud}, {@code pagination}, {@code auth-jwt}
 * @param aiRequested whether the spec asks for AI enrichment
 * @param attempt the activity attempt that produced this result
 */
public record FeaturePlan(List<String> features, boolean aiRequested, int attempt) {

  public FeaturePlan {
    features = List.copyOf(features);
  }
}
