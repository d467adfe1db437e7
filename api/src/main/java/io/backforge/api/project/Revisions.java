package io.backforge.api.project;

import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Revisions of projects: a spec submitted as a revision of one of the owner's projects, a project's
 * lineage, and the changes between two generations of the same owner.
 */
@Service
public class Revisions {

  /** How far up its lineage a project's page looks. */
  private static final int MAX_ANCESTORS = 50;

  private final ProjectService projects;
  private final ProjectStore store;
  private final BlobStore blobs;

  Revisions(ProjectService projects, ProjectStore store, BlobStore blobs) {
    this.projects = projects;
    this.store = store;
    this.blobs = blobs;
  }

  /**
   * Submits a spec as a revision of the owner's project {@code parentId}: a new project that
   * records where it came from. Validated, stored, started and made idempotent as a submission is;
   * a parent that is not the owner's is not found, and then nothing is stored.
   */
  public ProjectService.Submission revise(
      String owner, UUID parentId, byte[] body, String idempotencyKey) {
    return projects.submit(owner, body, idempotencyKey, projects.owned(owner, parentId).id());
  }

  /** Where a project comes from and what was made of it, as far as the owner may see. */
  public Lineage lineage(ProjectRecord project) {
    return new Lineage(
        store.ancestors(project.id(), MAX_ANCESTORS).stream()
            .filter(p -> p.owner().equals(project.owner()))
            .toList(),
        store.children(project.id()).stream()
            .filter(p -> p.owner().equals(project.owner()))
            .toList());
  }

  /**
   * A project's family.
   *
   * @param ancestors the projects it descends from, root first, its parent last
   * @param revisions the revisions made of it, oldest first
   */
  public record Lineage(List<ProjectRecord> ancestors, List<ProjectRecord> revisions) {

    /** The project this one revises, if any. */
    public Optional<ProjectRecord> parent() {
      return ancestors.isEmpty()
          ? Optional.empty()
          : Optional.of(ancestors.get(ancestors.size() - 1));
    }
  }

  /**
   * The changes from project {@code fromId} to project {@code id}, both visible to the caller and
   * of the same owner (else not found), both generated (else a conflict).
   */
  public List<FileDiff> diff(String owner, boolean admin, UUID id, UUID fromId) {
    ProjectRecord to = projects.visible(owner, admin, id);
    ProjectRecord from = projects.visible(owner, admin, fromId);
    if (!from.owner().equals(to.owner())) {
      throw new ProblemException(Problems.notFound("No project with this id."));
    }
    return diff(from, to);
  }

  /**
   * The changes from the generated tree of {@code from} to that of {@code to}, file by file in path
   * order; a conflict problem naming the one whose files have not been generated yet.
   */
  public List<FileDiff> diff(ProjectRecord from, ProjectRecord to) {
    for (ProjectRecord project : List.of(from, to)) {
      if (project.manifestHash() == null) {
        throw new ProblemException(
            Problems.conflict(
                "not-generated",
                "Not generated yet",
                "The files of project "
                    + project.id()
                    + " ("
                    + project.status()
                    + ") have not been generated yet; a diff needs both trees."));
      }
    }
    return TreeDiff.between(files(from), files(to));
  }

  /** The generated tree of a project as lazy contents by path. */
  private TreeDiff.Tree files(ProjectRecord project) {
    return new TreeDiff.Tree(
        projects.manifest(project).files(),
        hash -> blobs.get(hash).orElseThrow(() -> new IllegalStateException("file blob missing")));
  }
}
