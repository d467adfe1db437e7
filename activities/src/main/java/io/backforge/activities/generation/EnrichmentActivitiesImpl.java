package io.backforge.activities.generation;

import io.backforge.activities.ai.AiCallException;
import io.backforge.activities.ai.AiUsageStore;
import io.backforge.activities.ai.LanguageModel;
import io.backforge.activities.heartbeat.Heartbeat;
import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.ProjectFiles;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.templates.enrich.EnrichmentAnswer;
import io.backforge.templates.enrich.EnrichmentJson;
import io.backforge.templates.enrich.EnrichmentValidator;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.workflows.EnrichmentActivities;
import io.backforge.workflows.GenerationActivities;
import io.backforge.workflows.payload.EnrichmentInput;
import io.backforge.workflows.payload.EnrichmentResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * AI enrichment: asks the configured language model for descriptions, an overview and sample rows,
 * validates the answer into an {@link io.backforge.templates.enrich.Enrichment}, stores it as a
 * blob on the project, re-renders the project with it and stores the files under a new manifest. A
 * stored enrichment is reused, so a retry after the model answered, or a regeneration, asks nothing
 * again and gives the same manifest.
 */
@Component
public class EnrichmentActivitiesImpl implements EnrichmentActivities {

  /** Type of the retryable failure raised for timeouts, 429 and 5xx answers. */
  private final ProjectStore projects;

  private final BlobStore blobs;
  private final ProjectFiles files;
  private final ProjectGenerator generator;
  private final LanguageModel model;
  private final AiUsageStore usage;
  private final ProjectSpecs specs;
  private final EnrichmentValidator validator = new EnrichmentValidator();

  /** An implementation over the stores, asking {@code model}. */
  public EnrichmentActivitiesImpl(
      ProjectStore projects,
      BlobStore blobs,
      ProjectGenerator generator,
      LanguageModel model,
      AiUsageStore usage,
      ProjectSpecs specs) {
    this.specs = specs;
    this.projects = projects;
    this.blobs = blobs;
    this.files = new ProjectFiles(blobs);
    this.generator = generator;
    this.model = model;
    this.usage = usage;
  }

  /**
   * Heartbeats while it runs (the model may take up to its timeout per call), so a dead worker's
   * enrichment is retried within the activity's heartbeat timeout; an attempt that was cancelled,
   * timed out or is gone meanwhile ends with that reason, not with a result.
   */
  @Override
  public EnrichmentResult enrich(EnrichmentInput input) {
    try (Heartbeat heartbeat = Heartbeat.start(Activity.getExecutionContext())) {
      EnrichmentResult result = enrichFiles(input);
      heartbeat.throwIfStopped();
      return result;
    }
  }

  private EnrichmentResult enrichFiles(EnrichmentInput input) {
    ProjectRecord project = load(input.projectId());
    ProjectSpec spec = spec(project);
    if (spec.ai() == null || !spec.ai().enrich()) {
      return skipped(input, "Not requested by the spec", List.of());
    }
    EnrichmentJson.Stored stored = reuse(project).orElse(null);
    if (stored == null) {
      if (!model.configured()) {
        return skipped(input, model.unavailableReason(), List.of());
      }
      EnrichmentAnswer answer;
      try {
        LanguageModel.Answer<EnrichmentAnswer> answered = model.enrich(spec);
        record(project, answered.usage());
        answer = answered.content();
      } catch (AiCallException e) {
        record(project, e.usage());
        return failed(input, e);
      }
      EnrichmentValidator.Checked checked = validator.validate(spec, answer);
      stored = new EnrichmentJson.Stored(checked.enrichment(), checked.warnings());
      projects.setEnrichment(project.id(), blobs.put(EnrichmentJson.write(stored)));
    }
    String manifest = files.store(generator.generate(spec, stored.enrichment())).manifestHash();
    projects.setManifest(project.id(), manifest);
    return new EnrichmentResult(true, manifest, null, stored.warnings(), attempt());
  }

  private java.util.Optional<EnrichmentJson.Stored> reuse(ProjectRecord project) {
    return projects.enrichment(project.id()).flatMap(blobs::get).map(EnrichmentJson::read);
  }

  private EnrichmentResult failed(EnrichmentInput input, AiCallException e) {
    if (e.kind() != AiCallException.Kind.MALFORMED_ANSWER) {
      throw e.activityFailure();
    }
    return skipped(
        input,
        e.getMessage(),
        List.of(
            "AI enrichment: " + e.getMessage() + "; the project was generated without enrichment"));
  }

  private void record(ProjectRecord project, io.backforge.activities.ai.AiUsage spent) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    String key = info.getRunId() + "/" + info.getActivityId() + "/" + info.getAttempt();
    usage.record(project.id(), project.owner(), "enrichment", model.name(), key, spent);
  }

  private static EnrichmentResult skipped(
      EnrichmentInput input, String reason, List<String> warnings) {
    return new EnrichmentResult(false, input.manifestHash(), reason, warnings, attempt());
  }

  private ProjectRecord load(String projectId) {
    return projects
        .find(UUID.fromString(projectId))
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "Project " + projectId + " does not exist",
                    GenerationActivities.PROJECT_NOT_FOUND));
  }

  private ProjectSpec spec(ProjectRecord project) {
    return specs
        .of(project)
        .valid()
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "The spec is invalid", GenerationActivities.INVALID_SPEC));
  }

  private static int attempt() {
    return Activity.getExecutionContext().getInfo().getAttempt();
  }
}
