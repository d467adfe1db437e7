package io.backforge.api.project;

import io.backforge.activities.ai.AiUsage;
import io.backforge.activities.store.Manifest;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.api.project.ProjectViews.AiUsageView;
import io.backforge.api.project.ProjectViews.ArtifactView;
import io.backforge.api.project.ProjectViews.FileView;
import io.backforge.api.project.ProjectViews.ProjectPage;
import io.backforge.api.project.ProjectViews.ProjectSummary;
import io.backforge.api.project.ProjectViews.ProjectView;
import io.backforge.api.project.ProjectViews.StepView;
import io.backforge.api.project.ProjectViews.VerificationView;
import io.backforge.api.spec.SpecBody;
import io.backforge.workflows.Progress;
import io.backforge.workflows.Verification;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The project API: submit a spec, follow the generation, download the zip. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/projects")
class ProjectController {

  private static final int MAX_PAGE_SIZE = 100;

  /** The longest a status request may wait for its project to end. */
  static final int MAX_WAIT_SECONDS = 60;

  private final ProjectService service;
  private final ProjectEndings endings;
  private final ProjectEvents events;

  ProjectController(ProjectService service, ProjectEndings endings, ProjectEvents events) {
    this.service = service;
    this.endings = endings;
    this.events = events;
  }

  /**
   * {@code 202} with the project and its {@code Location}; {@code 400} for an invalid spec. An
   * {@code Idempotency-Key} makes retries safe: the same key and body answer the same project
   * ({@code 200}), the same key with another body is {@code 422}.
   */
  @PostMapping
  ResponseEntity<ProjectView> submit(
      @AuthenticationPrincipal Jwt jwt,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      HttpServletRequest request) {
    ProjectService.Submission submission =
        service.submit(jwt.getSubject(), SpecBody.read(request), checkKey(idempotencyKey));
    ProjectRecord project = submission.project();
    return ResponseEntity.status(submission.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .location(URI.create(self(project.id())))
        .body(view(project, service.progress(project), service.aiUsage(project)));
  }

  /** The caller's projects, newest first; with {@code all=true}, an admin's view of everyone's. */
  @GetMapping
  ProjectPage list(
      @AuthenticationPrincipal Jwt jwt,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(defaultValue = "false") boolean all) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "bad-request",
              "Bad request",
              "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + "."));
    }
    if (all && !admin(jwt)) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.FORBIDDEN,
              "forbidden",
              "Forbidden",
              "Only an admin may list every user's projects."));
    }
    String owner = jwt.getSubject();
    List<ProjectRecord> records =
        all ? service.searchAll("", page, size) : service.list(owner, page, size);
    List<ProjectSummary> items =
        records.stream()
            .map(
                p ->
                    new ProjectSummary(
                        p.id(),
                        p.parentId(),
                        p.name(),
                        p.stack(),
                        p.status(),
                        p.createdAt(),
                        p.updatedAt(),
                        Map.of("self", self(p.id()))))
            .toList();
    return new ProjectPage(items, page, size, all ? service.countAll() : service.count(owner));
  }

  /**
   * The project's status and steps. With {@code wait} (seconds, at most {@value #MAX_WAIT_SECONDS})
   * the answer waits until the project has ended or the time is up, whichever comes first, and then
   * answers its status as it is: one request instead of a polling loop.
   */
  @GetMapping("/{id}")
  DeferredResult<ProjectView> get(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable UUID id,
      @RequestParam(name = "wait", required = false) Integer waitSeconds) {
    String owner = jwt.getSubject();
    boolean admin = admin(jwt);
    ProjectRecord project = service.visible(owner, admin, id);
    int wait = waitSeconds == null ? 0 : waitSeconds;
    if (wait < 0 || wait > MAX_WAIT_SECONDS) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "bad-request",
              "Bad request",
              "wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds."));
    }
    DeferredResult<ProjectView> result = new DeferredResult<>((wait + 5) * 1000L);
    if (wait == 0 || project.status().terminal()) {
      result.setResult(view(project));
      return result;
    }
    CompletableFuture<Void> ended = endings.await(id);
    project = service.visible(owner, admin, id);
    if (project.status().terminal()) {
      endings.forget(id, ended);
      result.setResult(view(project));
      return result;
    }
    ended
        .orTimeout(wait, TimeUnit.SECONDS)
        .whenComplete(
            (done, timedOut) -> {
              endings.forget(id, ended);
              try {
                result.setResult(view(service.visible(owner, admin, id)));
              } catch (RuntimeException e) {
                result.setErrorResult(e);
              }
            });
    return result;
  }

  private ProjectView view(ProjectRecord project) {
    return view(project, service.progress(project), service.aiUsage(project));
  }

  /**
   * The project's progress as Server-Sent Events: {@code status}, {@code step} and finally {@code
   * end}, after which the stream ends; {@code Last-Event-ID} resumes after the event it names (see
   * {@link ProjectEvents}).
   */
  @GetMapping("/{id}/events")
  ResponseEntity<SseEmitter> events(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable UUID id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    ProjectRecord project = service.visible(jwt.getSubject(), admin(jwt), id);
    return events.open(jwt.getSubject(), project, lastEventId);
  }

  /** The generated files' paths and hashes. */
  @GetMapping("/{id}/files")
  List<FileView> files(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
    Manifest manifest = service.manifest(service.visible(jwt.getSubject(), admin(jwt), id));
    return manifest.files().entrySet().stream()
        .map(e -> new FileView(e.getKey(), e.getValue()))
        .toList();
  }

  /** The zip; {@code 409} until the project succeeded. */
  @GetMapping("/{id}/download")
  ResponseEntity<byte[]> download(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
    ProjectRecord project = service.visible(jwt.getSubject(), admin(jwt), id);
    byte[] zip = service.artifact(project);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(project.name() + ".zip").build().toString())
        .eTag("\"" + project.artifactHash() + "\"")
        .body(zip);
  }

  /** Asks the generation to stop; {@code 202}, or {@code 409} when it has ended. */
  @PostMapping("/{id}/cancel")
  ResponseEntity<ProjectView> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
    ProjectRecord project = service.visible(jwt.getSubject(), admin(jwt), id);
    service.cancel(project);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(view(project, service.progress(project), service.aiUsage(project)));
  }

  /** Whether the token is an admin's: its {@code roles} claim names {@code ADMIN}. */
  static boolean admin(Jwt jwt) {
    List<String> roles = jwt.getClaimAsStringList("roles");
    return roles != null && roles.contains("ADMIN");
  }

  static String checkKey(String key) {
    if (key != null && !key.matches("[\\x21-\\x7e]{1,200}")) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "bad-idempotency-key",
              "Bad idempotency key",
              "Idempotency-Key must be 1 to 200 visible ASCII characters."));
    }
    return key;
  }

  static ProjectView view(ProjectRecord project, Progress progress, AiUsage usage) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", self(project.id()));
    links.put("files", self(project.id()) + "/files");
    if (project.artifactHash() != null) {
      links.put("download", self(project.id()) + "/download");
    }
    if (project.parentId() != null) {
      links.put("parent", self(project.parentId()));
      links.put("changes", self(project.id()) + "/diff?from=" + project.parentId());
    }
    return new ProjectView(
        project.id(),
        project.parentId(),
        project.name(),
        project.stack(),
        progress.status(),
        project.createdAt(),
        project.updatedAt(),
        progress.steps().stream().map(StepView::of).toList(),
        progress.warnings(),
        progress.error(),
        project.artifactHash() == null
            ? null
            : new ArtifactView(project.artifactSize(), project.artifactHash()),
        verification(project.verification()),
        usage.requests() == 0
            ? null
            : new AiUsageView(
                usage.requests(), usage.inputTokens(), usage.outputTokens(), usage.totalTokens()),
        links);
  }

  private static VerificationView verification(Verification verification) {
    return verification == null
        ? null
        : new VerificationView(
            verification.state(),
            verification.reason(),
            verification.testsPassed(),
            verification.testsFailed(),
            verification.lintFindings(),
            verification.durationMillis(),
            verification.logTail());
  }

  static String self(UUID id) {
    return "/api/projects/" + id;
  }
}
