package io.backforge.activities.generation;

import io.backforge.activities.heartbeat.Heartbeat;
import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.ProjectFiles;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.activities.verification.Toolchain;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.generate.ProjectZipper;
import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecError;
import io.backforge.workflows.GenerationActivities;
import io.backforge.workflows.payload.FeaturePlan;
import io.backforge.workflows.payload.Outcome;
import io.backforge.workflows.payload.ProjectRef;
import io.backforge.workflows.payload.ScaffoldInput;
import io.backforge.workflows.payload.ScaffoldResult;
import io.backforge.workflows.payload.SpecCheck;
import io.backforge.workflows.payload.ZipInput;
import io.backforge.workflows.payload.ZipResult;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The generation steps over the PostgreSQL stores. */
@Component
public class GenerationActivitiesImpl implements GenerationActivities {

  private final ProjectStore projects;
  private final BlobStore blobs;
  private final ProjectFiles files;
  private final ProjectSpecs specs;
  private final ProjectGenerator generator;
  private final Toolchain toolchain;

  GenerationActivitiesImpl(
      ProjectStore projects,
      BlobStore blobs,
      ProjectFiles files,
      ProjectGenerator generator,
      Toolchain toolchain,
      ProjectSpecs specs) {
    this.specs = specs;
    this.files = files;
    this.projects = projects;
    this.blobs = blobs;
    this.generator = generator;
    this.toolchain = toolchain;
  }

  @Override
  public SpecCheck validateSpec(ProjectRef project) {
    ProjectRecord record = load(project.projectId());
    ProjectSpec spec = validate(record);
    projects.markRunning(record.id());
    return new SpecCheck(spec.entities().size(), attempt());
  }

  @Override
  public FeaturePlan createFeatures(ProjectRef project) {
    ProjectSpec spec = validate(load(project.projectId()));
    List<String> features = new ArrayList<>(List.of("crud", "validation"));
    if (spec.entities().stream().anyMatch(e -> !e.relations().isEmpty())) {
      features.add("relations");
    }
    if (spec.features().pagination()) {
      features.add("pagination");
    }
    if (spec.features().auth() == Auth.JWT) {
      features.add("auth-jwt");
    }
    if (spec.features().openapi()) {
      features.add("openapi");
    }
    if (spec.features().docker()) {
      features.add("docker");
    }
    if (spec.features().tests()) {
      features.add("tests");
    }
    boolean ai = spec.ai() != null && spec.ai().enrich();
    if (Boolean.FALSE.equals(spec.verify())) {
      return new FeaturePlan(features, ai, attempt(), false, "Not requested by the spec");
    }
    if (spec.verify() == null && !toolchain.available(spec.stack())) {
      return new FeaturePlan(
          features,
          ai,
          attempt(),
          false,
          "The spec leaves verify to the default, and this worker cannot verify "
              + spec.stack().json()
              + " projects ("
              + toolchain.missing(spec.stack())
              + ")");
    }
    return new FeaturePlan(features, ai, attempt(), true, null);
  }

  @Override
  public ScaffoldResult scaffold(ScaffoldInput input) {
    try (Heartbeat heartbeat = Heartbeat.start(Activity.getExecutionContext())) {
      ProjectRecord record = load(input.projectId());
      ProjectFiles.Stored stored = files.store(generator.generate(validate(record)));
      heartbeat.throwIfStopped();
      projects.setManifest(record.id(), stored.manifestHash());
      return new ScaffoldResult(
          stored.manifestHash(), stored.fileCount(), stored.totalBytes(), attempt());
    }
  }

  @Override
  public ZipResult zip(ZipInput input) {
    load(input.projectId());
    GeneratedProject project = files.load(input.manifestHash());
    byte[] zip = ProjectZipper.zip(project);
    String hash = blobs.put(zip);
    return new ZipResult(hash, zip.length, project.files().size(), attempt());
  }

  @Override
  public void recordOutcome(Outcome outcome) {
    boolean found =
        projects.recordOutcome(
            UUID.fromString(outcome.projectId()),
            outcome.progress(),
            outcome.artifactHash(),
            outcome.artifactHash() == null ? null : outcome.artifactSize(),
            outcome.verification());
    if (!found) {
      throw notFound(outcome.projectId());
    }
  }

  private ProjectRecord load(String projectId) {
    return projects.find(UUID.fromString(projectId)).orElseThrow(() -> notFound(projectId));
  }

  private ProjectSpec validate(ProjectRecord record) {
    ProjectSpecs.Result result = specs.of(record);
    if (result.invalid() != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The spec is invalid: " + describe(result.invalid().errors()), INVALID_SPEC, attempt());
    }
    return result.spec();
  }

  private static String describe(List<SpecError> errors) {
    return errors.stream()
        .map(e -> (e.pointer().isEmpty() ? "/" : e.pointer()) + ": " + e.message())
        .collect(Collectors.joining("; "));
  }

  private static ApplicationFailure notFound(String projectId) {
    return ApplicationFailure.newNonRetryableFailure(
        "Project " + projectId + " does not exist", PROJECT_NOT_FOUND);
  }

  private static int attempt() {
    return Activity.getExecutionContext().getInfo().getAttempt();
  }
}
