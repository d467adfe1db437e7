package io.backforge.api.project;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.api.project.ProjectViews.ProjectView;
import io.backforge.api.spec.SpecBody;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Revisions of a project, and the changes between two generations of the same owner. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/projects/{id}")
class RevisionController {

  static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private final ProjectService service;
  private final Revisions revisions;

  RevisionController(ProjectService service, Revisions revisions) {
    this.service = service;
    this.revisions = revisions;
  }

  /**
   * Submits a full spec as a revision of the caller's project {@code id}: {@code 202} with the new
   * project (its {@code parentId} is {@code id}) and its {@code Location}; {@code 400} for an
   * invalid spec, {@code 404} when {@code id} is not the caller's. Idempotent under an {@code
   * Idempotency-Key} as a submission is.
   */
  @PostMapping("/revisions")
  ResponseEntity<ProjectView> revise(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable UUID id,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      HttpServletRequest request) {
    ProjectService.Submission submission =
        revisions.revise(
            jwt.getSubject(),
            id,
            SpecBody.read(request),
            ProjectController.checkKey(idempotencyKey));
    ProjectRecord project = submission.project();
    return ResponseEntity.status(submission.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .location(URI.create(ProjectController.self(project.id())))
        .body(ProjectController.view(project, service.progress(project), service.aiUsage(project)));
  }

  /**
   * The unified diff from the generated tree of {@code from} to that of {@code id}, as {@code
   * text/plain}: empty when they are the same. Both must be the caller's ({@code 404}) and both
   * generated ({@code 409}).
   */
  @GetMapping("/diff")
  ResponseEntity<byte[]> diff(
      @AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @RequestParam UUID from) {
    List<FileDiff> files = revisions.diff(jwt.getSubject(), ProjectController.admin(jwt), id, from);
    String diff = TreeDiff.unified(files);
    return ResponseEntity.ok().contentType(TEXT_UTF8).body(diff.getBytes(StandardCharsets.UTF_8));
  }
}
