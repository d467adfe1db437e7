package io.backforge.api.web;

import io.backforge.activities.git.GitPushes;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.api.project.ProjectService;
import io.backforge.api.project.Revisions;
import io.backforge.api.project.TreeDiff;
import io.backforge.api.web.diagram.Diagram;
import io.backforge.api.web.diagram.ModelDiagram;
import io.backforge.workflows.Progress;
import io.backforge.workflows.StepProgress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * A project's page: the steps with their state, attempts, durations and errors; the generated files
 * with a read-only viewer; download, cancel, regenerate and a new revision through the wizard; the
 * project's lineage (what it revises, what revises it) and its changes from its parent, file by
 * file; the last push to a git remote; the workflow's event history from Temporal; a link to the
 * Temporal UI when one is configured.
 */
@ConditionalOnWebApplication
@Controller
class ProjectPageController {

  private static final int MAX_VIEWABLE_BYTES = 256 * 1024;

  private final ProjectService projects;
  private final Revisions revisions;
  private final WorkflowHistory history;
  private final String temporalUi;
  private final String namespace;
  private final GitPushes pushes;

  ProjectPageController(
      ProjectService projects,
      Revisions revisions,
      WorkflowHistory history,
      GitPushes pushes,
      @Value("${backforge.temporal.ui-url:}") String temporalUi,
      @Value("${backforge.temporal.namespace:default}") String namespace) {
    this.projects = projects;
    this.revisions = revisions;
    this.history = history;
    this.pushes = pushes;
    this.temporalUi = temporalUi == null ? "" : temporalUi.replaceAll("/+$", "");
    this.namespace = namespace;
  }

  @GetMapping("/projects/{id}")
  String project(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestParam(required = false) String file,
      Model model) {
    ProjectRecord project =
        projects.visible(Owner.of(authentication), Owner.admin(authentication), id);
    Progress progress = projects.progress(project);
    model.addAttribute("project", project);
    // An admin looking at another user's project may cancel it but not regenerate it as its owner.
    model.addAttribute("othersProject", !project.owner().equals(Owner.of(authentication)));
    model.addAttribute("progress", progress);
    model.addAttribute("steps", progress.steps().stream().map(StepRow::of).toList());
    List<String> files =
        project.manifestHash() == null
            ? List.of()
            : List.copyOf(projects.manifest(project).files().keySet());
    model.addAttribute("files", files);
    if (file != null) {
      byte[] content = projects.file(project, file);
      model.addAttribute("file", file);
      model.addAttribute("language", language(file));
      model.addAttribute("content", text(content));
    }
    model.addAttribute("diagram", diagram(project));
    Revisions.Lineage lineage = revisions.lineage(project);
    model.addAttribute("lineage", lineage);
    lineage
        .parent()
        .filter(parent -> parent.manifestHash() != null && project.manifestHash() != null)
        .ifPresent(parent -> model.addAttribute("changes", revisions.diff(parent, project)));
    model.addAttribute("history", history.of(project.workflowId()));
    model.addAttribute("lastPush", pushes.lastSucceeded(project.id()).orElse(null));
    if (!temporalUi.isEmpty()) {
      model.addAttribute(
          "temporalLink",
          temporalUi
              + "/namespaces/"
              + UriUtils.encodePathSegment(namespace, StandardCharsets.UTF_8)
              + "/workflows/"
              + UriUtils.encodePathSegment(project.workflowId(), StandardCharsets.UTF_8));
    }
    return "project";
  }

  @GetMapping("/projects/{id}/download")
  ResponseEntity<byte[]> download(Authentication authentication, @PathVariable UUID id) {
    ProjectRecord project =
        projects.visible(Owner.of(authentication), Owner.admin(authentication), id);
    byte[] zip = projects.artifact(project);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(project.name() + ".zip").build().toString())
        .body(zip);
  }

  /** The unified diff from {@code from} to this project, as the API answers it, for the browser. */
  @GetMapping("/projects/{id}/diff")
  ResponseEntity<byte[]> diff(
      Authentication authentication, @PathVariable UUID id, @RequestParam UUID from) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(
            TreeDiff.unified(
                    revisions.diff(Owner.of(authentication), Owner.admin(authentication), id, from))
                .getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping("/projects/{id}/cancel")
  String cancel(Authentication authentication, @PathVariable UUID id) {
    projects.cancel(projects.visible(Owner.of(authentication), Owner.admin(authentication), id));
    return "redirect:/projects/" + id;
  }

  @PostMapping("/projects/{id}/regenerate")
  String regenerate(Authentication authentication, @PathVariable UUID id) {
    ProjectRecord again = projects.regenerate(projects.owned(Owner.of(authentication), id));
    return "redirect:/projects/" + again.id();
  }

  /** The stored spec's model; the spec was valid when stored, but draw what can be drawn anyway. */
  private static Diagram diagram(ProjectRecord project) {
    SpecDraft spec;
    try {
      spec = DraftJson.read(project.spec().getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      spec = new SpecDraft();
    }
    return ModelDiagram.draw(DraftModel.of(spec));
  }

  private static String text(byte[] content) {
    if (content.length > MAX_VIEWABLE_BYTES) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String language(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.equals("Dockerfile")) {
      return "dockerfile";
    }
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return switch (ext) {
      case "py" -> "python";
      case "json" -> "json";
      case "yml", "yaml" -> "yaml";
      case "md" -> "markdown";
      case "toml", "ini", "cfg" -> "ini";
      case "sh" -> "bash";
      case "sql" -> "sql";
      case "js" -> "javascript";
      case "java" -> "java";
      case "xml", "html" -> "xml";
      default -> "plaintext";
    };
  }

  /** A step as the page shows it. */
  record StepRow(StepProgress step, String duration) {
    static StepRow of(StepProgress step) {
      if (step.startedAt() == 0 || step.endedAt() == 0) {
        return new StepRow(step, null);
      }
      Duration d = Duration.ofMillis(step.endedAt() - step.startedAt());
      return new StepRow(
          step,
          d.toMillis() < 1000
              ? d.toMillis() + " ms"
              : String.format("%.1f s", d.toMillis() / 1000.0));
    }
  }
}
