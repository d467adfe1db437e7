package io.backforge.api.web;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.project.ProjectEvents;
import io.backforge.api.project.ProjectService;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event stream of {@code GET /api/projects/{id}/events} for the pages, which sign in with a
 * session rather than a bearer token: same events, same ownership rule, same per-user bound.
 */
@ConditionalOnWebApplication
@Controller
class ProjectEventsPageController {

  private final ProjectService projects;
  private final ProjectEvents events;

  ProjectEventsPageController(ProjectService projects, ProjectEvents events) {
    this.projects = projects;
    this.events = events;
  }

  @GetMapping("/projects/{id}/events")
  ResponseEntity<SseEmitter> events(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    String owner = Owner.of(authentication);
    ProjectRecord project = projects.visible(owner, Owner.admin(authentication), id);
    return events.open(owner, project, lastEventId);
  }

  /**
   * A stream is no page: its errors are problem details (with Retry-After for 429), as the API's.
   */
  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    return e.response();
  }

  /**
   * The browser left (a page closed or navigated away): nothing to answer, and not an error of the
   * page, which the pages' error handler would log and try to render.
   */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientLeft() {
    // the response is gone; the stream's slot was freed when the write failed
  }
}
