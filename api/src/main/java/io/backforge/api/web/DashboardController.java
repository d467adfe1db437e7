package io.backforge.api.web;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.api.account.Account;
import io.backforge.api.account.Accounts;
import io.backforge.api.project.ProjectEvents;
import io.backforge.api.project.ProjectService;
import io.backforge.workflows.ProjectStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard: the signed-in user's projects (an admin's: every user's, with their owner), newest
 * first, searchable by name; the badges of running projects follow their event streams.
 */
@ConditionalOnWebApplication
@Controller
class DashboardController {

  private static final int PAGE_SIZE = 50;

  private final ProjectService projects;
  private final Accounts accounts;
  private final ProjectEvents events;

  DashboardController(ProjectService projects, Accounts accounts, ProjectEvents events) {
    this.projects = projects;
    this.accounts = accounts;
    this.events = events;
  }

  @GetMapping("/projects")
  String dashboard(
      Authentication authentication, @RequestParam(defaultValue = "") String q, Model model) {
    String owner = Owner.of(authentication);
    String query = q.strip();
    String text = query.length() > 100 ? query.substring(0, 100) : query;
    boolean everyone = Owner.admin(authentication);
    List<ProjectRecord> list;
    if (everyone) {
      list = projects.searchAll(text, 0, PAGE_SIZE);
      model.addAttribute("owners", owners(list));
    } else {
      list =
          query.isEmpty()
              ? projects.list(owner, 0, PAGE_SIZE)
              : projects.search(owner, text, 0, PAGE_SIZE);
    }
    model.addAttribute("everyone", everyone);
    // one stream of the user's bound stays free for a project page opened from here
    model.addAttribute("liveLimit", Math.max(1, events.maxStreamsPerUser() - 1));
    model.addAttribute("projects", list);
    model.addAttribute("q", query);
    model.addAttribute("total", everyone ? projects.countAll() : projects.count(owner));
    return "projects";
  }

  /** The status of the user's newest projects, for the dashboard's badges to follow. */
  @GetMapping(path = "/projects/status", produces = "application/json")
  @ResponseBody
  List<StatusItem> status(Authentication authentication) {
    List<ProjectRecord> list =
        Owner.admin(authentication)
            ? projects.searchAll("", 0, PAGE_SIZE)
            : projects.list(Owner.of(authentication), 0, PAGE_SIZE);
    return list.stream()
        .map(p -> new StatusItem(p.id(), p.status(), p.status().terminal()))
        .toList();
  }

  /** The owners' emails where they are accounts, for an admin's view of every project. */
  private Map<String, String> owners(List<ProjectRecord> list) {
    Map<String, String> emails = new HashMap<>();
    for (ProjectRecord project : list) {
      emails.computeIfAbsent(project.owner(), this::email);
    }
    return emails;
  }

  private String email(String owner) {
    try {
      return accounts.find(UUID.fromString(owner)).map(Account::email).orElse(owner);
    } catch (IllegalArgumentException e) {
      return owner;
    }
  }

  /** A project's status for the dashboard's badges. */
  record StatusItem(UUID id, ProjectStatus status, boolean ended) {}
}
