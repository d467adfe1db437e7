package io.backforge.activities.generation;

import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.Manifest;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.activities.verification.Toolchain;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.generate.ProjectZipper;
import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecError;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The generation steps over the PostgreSQL stores. */
@Component
public class GenerationActivitiesImpl implements GenerationActivities {

  private final ProjectStore projects;
  private final BlobStore blobs;
  private final SpecValidator validator = new SpecValidator();
  private final ProjectGenerator generator;
  private final Toolchain toolchain;

  GenerationActivitiesImpl(
      ProjectStore projects, BlobStore blobs, ProjectGenerator generator, Toolchain toolchain) {
    this.projects = projects;
    this.blobs = blobs;
    this.generator = generator;
    this.toolchain = toolchain;
  }

  @Override
  public SpecCheck validateSpec(ProjectRef project) {
    ProjectRecord record = load(project.projectId());
    ValidationResult result = validate(record);
    projects.markRunning(record.id());
    return new SpecCheck(result.spec().entities().size(), attempt());
  }

  @Override
  public FeaturePlan createFeatures(ProjectRef project) {
    ProjectSpec spec = validate(load(project.projectId())).spec();
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
    if (spec.verify() == null && !toolchain.available()) {
      return new FeaturePlan(
          features,
          ai,
          attempt(),
          false,
          "The spec leaves verify to the default, and this worker has no Python toolchain ("
              + toolchain.missing()
              + ")");
    }
    return new FeaturePlan(features, ai, attempt(), true, null);
  }

  @Override
  public ScaffoldResult scaffold(ScaffoldInput input) {
    ProjectRecord record = load(input.projectId());
    GeneratedProject files = generator.generate(validate(record).spec());
    List<String> paths = new ArrayList<>(files.files().keySet());
    List<byte[]> contents = paths.stream().map(files.files()::get).toList();
    List<String> hashes = blobs.putAll(contents);
    SortedMap<String, String> entries = new TreeMap<>();
    for (int i = 0; i < paths.size(); i++) {
      entries.put(paths.get(i), hashes.get(i));
    }
    String manifestHash = blobs.put(new Manifest(files.rootFolder(), entries).toBytes());
    projects.setManifest(record.id(), manifestHash);
    long total = contents.stream().mapToLong(c -> c.length).sum();
    return new ScaffoldResult(manifestHash, paths.size(), total, attempt());
  }

  @Override
  public ZipResult zip(ZipInput input) {
    load(input.projectId());
    Manifest manifest = Manifest.parse(blob(input.manifestHash()));
    Map<String, byte[]> contents = blobs.getAll(manifest.files().values());
    GeneratedProject.Builder project = GeneratedProject.builder(manifest.rootFolder());
    manifest.files().forEach((path, hash) -> project.bytes(path, require(contents, hash)));
    byte[] zip = ProjectZipper.zip(project.build());
    String hash = blobs.put(zip);
    return new ZipResult(hash, zip.length, manifest.files().size(), attempt());
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

  private ValidationResult validate(ProjectRecord record) {
    ValidationResult result = validator.validate(record.spec().getBytes(StandardCharsets.UTF_8));
    if (!result.valid()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The spec is invalid: " + describe(result.errors()), INVALID_SPEC, attempt());
    }
    return result;
  }

  private static String describe(List<SpecError> errors) {
    return errors.stream()
        .map(e -> (e.pointer().isEmpty() ? "/" : e.pointer()) + ": " + e.message())
        .collect(Collectors.joining("; "));
  }

  private byte[] blob(String hash) {
    return blobs
        .get(hash)
        .orElseThrow(() -> new IllegalStateException("blob " + hash + " is missing"));
  }

  private static byte[] require(Map<String, byte[]> contents, String hash) {
    byte[] content = contents.get(hash);
    if (content == null) {
      throw new IllegalStateException("blob " + hash + " is missing");
    }
    return content;
  }

  private static ApplicationFailure notFound(String projectId) {
    return ApplicationFailure.newNonRetryableFailure(
        "Project " + projectId + " does not exist", PROJECT_NOT_FOUND);
  }

  private static int attempt() {
    return Activity.getExecutionContext().getInfo().getAttempt();
  }
}
