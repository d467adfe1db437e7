package io.backforge.api.web;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.api.project.ProjectService;
import io.backforge.workflows.ProjectStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The dashboard: the signed-in user's projects, newest first, searchable by name. */
@Controller
class DashboardController {

  private static final int PAGE_SIZE = 50;

  private final ProjectService projects;

  DashboardController(ProjectService projects) {
    this.projects = projects;
  }

  @GetMapping("/projects")
  String dashboard(
      Authentication authentication, @RequestParam(defaultValue = "") String q, Model model) {
    String owner = Owner.of(authentication);
    String query = q.strip();
    List<ProjectRecord> list =
        query.isEmpty()
            ? projects.list(owner, 0, PAGE_SIZE)
            : projects.search(
                owner, query.length() > 100 ? query.substring(0, 100) : query, 0, PAGE_SIZE);
    model.addAttribute("projects", list);
    model.addAttribute("q", query);
    model.addAttribute("total", projects.count(owner));
    return "projects";
  }

  /** The status of the user's newest projects, for the dashboard's badges to follow. */
  @GetMapping(path = "/projects/status", produces = "application/json")
  @ResponseBody
  List<StatusItem> status(Authentication authentication) {
    return projects.list(Owner.of(authentication), 0, PAGE_SIZE).stream()
        .map(p -> new StatusItem(p.id(), p.status(), p.status().terminal()))
        .toList();
  }

  /** A project's status for the dashboard's badges. */
  record StatusItem(UUID id, ProjectStatus status, boolean ended) {}
}
