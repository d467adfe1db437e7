package io.backforge.api.git;

import io.backforge.activities.git.ProjectLineage;
import io.backforge.activities.git.UnsafeUploadException;
import io.backforge.activities.git.UploadedTree;
import io.backforge.activities.git.ZipMerge;
import io.backforge.activities.store.ProjectFiles;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.api.project.ProjectService;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectZipper;
import io.backforge.workflows.ProjectStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The merge without git: the user's edited tree (a zip) merged with a generation, three-way, from
 * the generation the user started from. That base is the generation's parent when it has one, or
 * the generation named by {@code base}; both must be the caller's.
 */
@Service
@ConditionalOnWebApplication
class MergeService {

  /** The file that lists the conflicted paths in a merged zip that has any. */
  static final String CONFLICTS_FILE = "CONFLICTS.txt";

  private final ProjectService projects;
  private final ProjectFiles files;
  private final ProjectLineage lineage;

  MergeService(ProjectService projects, ProjectFiles files, ProjectLineage lineage) {
    this.projects = projects;
    this.files = files;
    this.lineage = lineage;
  }

  /**
   * A merged tree.
   *
   * @param name the zip's file name
   * @param zip the merged tree under the generation's root folder, with {@value #CONFLICTS_FILE}
   *     when there are conflicts
   * @param conflicts the conflicted paths, sorted
   */
  record MergedZip(String name, byte[] zip, List<String> conflicts) {}

  MergedZip merge(String owner, UUID projectId, UUID baseId, byte[] upload) {
    ProjectRecord theirs = generated(projects.owned(owner, projectId));
    ProjectRecord base = generated(projects.owned(owner, baseOf(theirs, baseId)));
    Map<String, byte[]> baseFiles = files.load(base.manifestHash()).files();
    SortedMap<String, byte[]> ours;
    try {
      ours = UploadedTree.read(upload, folders(baseFiles.keySet()));
    } catch (UnsafeUploadException e) {
      throw new ProblemException(
          Problems.of(HttpStatus.BAD_REQUEST, "invalid-upload", "Invalid upload", e.getMessage()));
    }
    GeneratedProject next = files.load(theirs.manifestHash());
    ZipMerge.Merged merged = ZipMerge.merge(baseFiles, ours, next.files());
    GeneratedProject.Builder tree = GeneratedProject.builder(next.rootFolder());
    for (Map.Entry<String, byte[]> file : merged.files().entrySet()) {
      if (!file.getKey().equals(CONFLICTS_FILE) || merged.conflicts().isEmpty()) {
        tree.bytes(file.getKey(), file.getValue());
      }
    }
    if (!merged.conflicts().isEmpty()) {
      tree.bytes(CONFLICTS_FILE, ZipMerge.conflictsFile(merged.conflicts()));
    }
    return new MergedZip(
        next.rootFolder() + "-merged.zip",
        ProjectZipper.zip(tree.build()),
        List.copyOf(merged.conflicts().keySet()));
  }

  /** The top-level folders of a tree. */
  private static Set<String> folders(Set<String> paths) {
    return paths.stream()
        .filter(path -> path.contains("/"))
        .map(path -> path.substring(0, path.indexOf('/')))
        .collect(Collectors.toSet());
  }

  private UUID baseOf(ProjectRecord project, UUID baseId) {
    if (baseId != null) {
      return baseId;
    }
    return lineage
        .parent(project.id())
        .orElseThrow(
            () ->
                new ProblemException(
                    Problems.conflict(
                        "no-base",
                        "No base generation",
                        "This project has no parent generation: name the generation your tree"
                            + " started from with ?base={projectId}.")));
  }

  private static ProjectRecord generated(ProjectRecord project) {
    if (project.status() != ProjectStatus.SUCCEEDED || project.manifestHash() == null) {
      throw new ProblemException(
          Problems.conflict(
              "not-ready",
              "Not ready",
              "Project " + project.id() + " is " + project.status() + "; merges need SUCCEEDED."));
    }
    return project;
  }
}
