package io.backforge.api.project;

import io.backforge.activities.ai.AiUsage;
import io.backforge.activities.ai.AiUsageStore;
import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.Manifest;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.templates.spec.SpecJson;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import io.backforge.workflows.Progress;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Submits, reports on, lists and serves projects; the owner is the token's subject. */
@Service
public class ProjectService {

  private static final Logger log = LoggerFactory.getLogger(ProjectService.class);

  private final ProjectStore projects;
  private final BlobStore blobs;
  private final WorkflowClient temporal;
  private final GenerationStarter starter;
  private final AiUsageStore aiUsage;
  private final SpecValidator validator = new SpecValidator();

  ProjectService(
      ProjectStore projects,
      BlobStore blobs,
      WorkflowClient temporal,
      GenerationStarter starter,
      AiUsageStore aiUsage) {
    this.projects = projects;
    this.blobs = blobs;
    this.temporal = temporal;
    this.starter = starter;
    this.aiUsage = aiUsage;
  }

  /** Tokens the project's AI enrichment spent. */
  AiUsage aiUsage(ProjectRecord project) {
    return aiUsage.forProject(project.id());
  }

  /**
   * Validates, stores and starts the generation of a spec; nothing is stored when invalid. With an
   * idempotency key, a repeat of the same request answers the project the first one created, and a
   * different request under a used key is refused.
   */
  public Submission submit(String owner, byte[] body, String idempotencyKey) {
    return submit(owner, body, idempotencyKey, null);
  }

  /**
   * Submits a spec as {@link #submit(String, byte[], String)} does, as a revision of {@code
   * parentId} when it is not {@code null}; the caller has checked that the parent is the owner's.
   */
  public Submission submit(String owner, byte[] body, String idempotencyKey, UUID parentId) {
    ValidationResult result = validator.validate(body);
    if (!result.valid()) {
      throw new ProblemException(Problems.invalidSpec(result.errors()));
    }
    String requestHash = idempotencyKey == null ? null : requestHash(result, parentId);
    Optional<ProjectRecord> created =
        projects.create(
            UUID.randomUUID(),
            owner,
            result.spec().name().kebab(),
            result.spec().stack().json(),
            new String(body, StandardCharsets.UTF_8),
            idempotencyKey,
            requestHash,
            parentId);
    if (created.isEmpty()) {
      return replay(owner, idempotencyKey, requestHash, BlobStore.hash(body));
    }
    start(created.get());
    return new Submission(created.get(), true);
  }

  /** A submitted project, and whether this request created it. */
  public record Submission(ProjectRecord project, boolean created) {}

  /**
   * The hash an idempotent submission is compared by: of the validated spec in its canonical JSON,
   * so the same spec sent with other whitespace, key order or explicit defaults is the same
   * request, and any change to what it describes is another.
   */
  private static String specHash(ValidationResult result) {
    return BlobStore.hash(SpecJson.write(result.spec()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The hash an idempotent request is compared by: the spec's, and for a revision the parent's id
   * with it, so that a key used for one parent (or for a plain submission) and then for another is
   * a reused key, not a replay.
   */
  private static String requestHash(ValidationResult result, UUID parentId) {
    if (parentId == null) {
      return specHash(result);
    }
    String canonical = "revision-of " + parentId + "\n" + SpecJson.write(result.spec());
    return BlobStore.hash(canonical.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The project an earlier request with the same key created; {@code bodyHash} matches what rows
   * stored before the hash became canonical hold.
   */
  private Submission replay(
      String owner, String idempotencyKey, String requestHash, String bodyHash) {
    ProjectRecord existing =
        projects
            .findByIdempotencyKey(owner, idempotencyKey)
            .orElseThrow(() -> new IllegalStateException("idempotency key vanished"));
    if (!requestHash.equals(existing.requestHash()) && !bodyHash.equals(existing.requestHash())) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "idempotency-key-reused",
              "Idempotency key reused",
              "This Idempotency-Key was already used with a different request body."));
    }
    return new Submission(existing, false);
  }

  private void start(ProjectRecord project) {
    try {
      starter.start(project);
    } catch (RuntimeException e) {
      log.error("Could not start the workflow of project {}", project.id(), e);
      projects.markFailed(
          project.id(), "The generation could not be started: Temporal is unavailable");
      throw new ProblemException(
          Problems.unavailable("The workflow service is unavailable; try again shortly."));
    }
  }

  /** The caller's project. */
  public ProjectRecord owned(String owner, UUID id) {
    return projects
        .findOwned(id, owner)
        .orElseThrow(() -> new ProblemException(Problems.notFound("No project with this id.")));
  }

  /**
   * A project the caller may see: their own, or for an admin any project. Others' projects are not
   * found, as if they did not exist.
   */
  public ProjectRecord visible(String owner, boolean admin, UUID id) {
    if (!admin) {
      return owned(owner, id);
    }
    return projects
        .find(id)
        .orElseThrow(() -> new ProblemException(Problems.notFound("No project with this id.")));
  }

  /** Every owner's projects whose name contains {@code text} (empty: all), newest first; admins. */
  public List<ProjectRecord> searchAll(String text, int page, int size) {
    return projects.searchAll(text, page, size);
  }

  /** How many projects there are, of every owner; admins. */
  public long countAll() {
    return projects.countAll();
  }

  /** The caller's projects whose name contains {@code text}, newest first. */
  public List<ProjectRecord> search(String owner, String text, int page, int size) {
    return projects.searchOwned(owner, text, page, size);
  }

  /**
   * Generates a project again from its stored spec, as a new project of the same owner: a revision
   * of it with the same spec.
   */
  public ProjectRecord regenerate(ProjectRecord project) {
    return submit(
            project.owner(), project.spec().getBytes(StandardCharsets.UTF_8), null, project.id())
        .project();
  }

  /** The content of one generated file; a not-found problem for a path not in the manifest. */
  public byte[] file(ProjectRecord project, String path) {
    String hash = manifest(project).files().get(path);
    if (hash == null) {
      throw new ProblemException(Problems.notFound("No file with this path."));
    }
    return blobs.get(hash).orElseThrow(() -> new IllegalStateException("file blob missing"));
  }

  /** The caller's projects, newest first. */
  public List<ProjectRecord> list(String owner, int page, int size) {
    return projects.listOwned(owner, page, size);
  }

  /** How many projects the caller has. */
  public long count(String owner) {
    return projects.countOwned(owner);
  }

  /**
   * The progress of a project, from PostgreSQL alone: the final snapshot once it ended; while it
   * runs, the steps as the workers report them (attempts and last error included).
   */
  public Progress progress(ProjectRecord project) {
    if (project.status().terminal() && project.progress() != null) {
      return project.progress();
    }
    return new Progress(project.status(), projects.steps(project.id()), List.of(), project.error());
  }

  /** The zip of a succeeded project. */
  public byte[] artifact(ProjectRecord project) {
    if (project.artifactHash() == null) {
      throw new ProblemException(
          Problems.conflict(
              "not-ready",
              "Not ready",
              "The project is " + project.status() + "; its zip is available once it SUCCEEDED."));
    }
    return blobs
        .get(project.artifactHash())
        .orElseThrow(() -> new IllegalStateException("artifact blob missing"));
  }

  /** The manifest of a scaffolded project. */
  public Manifest manifest(ProjectRecord project) {
    if (project.manifestHash() == null) {
      throw new ProblemException(
          Problems.conflict(
              "not-ready", "Not ready", "The project's files have not been generated yet."));
    }
    return Manifest.parse(
        blobs
            .get(project.manifestHash())
            .orElseThrow(() -> new IllegalStateException("manifest blob missing")));
  }

  /** Asks the workflow to cancel; a no-op for a project that has ended. */
  public void cancel(ProjectRecord project) {
    if (project.status().terminal()) {
      throw new ProblemException(
          Problems.conflict(
              "already-ended", "Already ended", "The project is " + project.status() + "."));
    }
    temporal.newUntypedWorkflowStub(project.workflowId()).cancel();
  }
}
