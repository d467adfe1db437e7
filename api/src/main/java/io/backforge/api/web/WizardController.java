package io.backforge.api.web;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.project.ProjectService;
import io.backforge.api.project.Revisions;
import io.backforge.api.web.SpecDraft.EntityForm;
import io.backforge.api.web.SpecDraft.FieldForm;
import io.backforge.api.web.SpecDraft.RelationForm;
import io.backforge.api.web.diagram.ModelDiagram;
import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.Database;
import io.backforge.templates.spec.DeleteRule;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.Limits;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.SpecError;
import io.backforge.templates.spec.SpecJson;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.Stack;
import io.backforge.templates.spec.ValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.SessionAttributes;
import org.springframework.web.bind.support.SessionStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * The five-step wizard: project, database, entities, features, AI and review. The draft lives in
 * the session, so going back and forth or reloading keeps what was entered; every step is checked
 * by the same validator as the REST API, and each problem is shown next to its field. Plain form
 * posts do everything; the page's script adds and removes rows in place and checks each step as the
 * user types through {@code POST /wizard/{step}/check}. Opened on a project through {@code POST
 * /wizard/revise/{id}}, the wizard starts from that project's spec and its submit creates a
 * revision of it.
 */
@ConditionalOnWebApplication
@Controller
@RequestMapping("/wizard")
@SessionAttributes("draft")
class WizardController {

  static final int STEPS = 5;

  /** The parameter of the entities step's form that says its entities are all posted. */
  static final String ENTITIES_POSTED = "entities-posted";

  /** The session attribute naming the project the wizard makes a revision of, if any. */
  static final String REVISION_OF = "wizard.revisionOf";

  /** The parameter holding the page's clock when its script sent the form. */
  static final String REVISION = "revision";

  private static final List<String> TITLES =
      List.of("Project", "Database", "Entities", "Features", "AI and review");

  private final ProjectService projects;
  private final Revisions revisions;
  private final SpecValidator validator = new SpecValidator();

  WizardController(ProjectService projects, Revisions revisions) {
    this.projects = projects;
    this.revisions = revisions;
  }

  @ModelAttribute("draft")
  SpecDraft draft() {
    return new SpecDraft();
  }

  /** The project the wizard's submit revises, for the pages to say so; {@code null} for none. */
  @ModelAttribute("revisionOf")
  RevisionOf revisionOf(HttpSession session) {
    return (RevisionOf) session.getAttribute(REVISION_OF);
  }

  /**
   * The project a wizard session makes a revision of.
   *
   * @param id the project's id
   * @param name its name, for the pages
   */
  record RevisionOf(UUID id, String name) implements Serializable {}

  /**
   * Opens the wizard on the caller's project's stored spec, replacing the draft; its submit then
   * creates a revision of that project.
   */
  @PostMapping("/revise/{id}")
  String revise(
      @PathVariable UUID id, Authentication authentication, HttpSession session, Model model) {
    ProjectRecord project = projects.owned(Owner.of(authentication), id);
    SpecDraft draft;
    try {
      draft = DraftJson.read(project.spec().getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new PageNotFoundException();
    }
    model.addAttribute("draft", draft);
    session.setAttribute(REVISION_OF, new RevisionOf(project.id(), project.name()));
    return "redirect:/wizard/1";
  }

  /**
   * Binds only forms newer than the last one bound (the page's script sends its clock as {@code
   * revision}; forms without it always bind), so that a live check still under way when the step is
   * posted cannot bind older values over newer ones. The entities step posts all its entities, so
   * they replace the draft's entities instead of being merged into them by index: rows removed in
   * place by the script, or renumbered, leave nothing behind.
   */
  @InitBinder("draft")
  void bindNewerForms(WebDataBinder binder, HttpServletRequest request) {
    if (!HttpMethod.POST.matches(request.getMethod())
        || !(binder.getTarget() instanceof SpecDraft draft)) {
      return;
    }
    long revision = revision(request.getParameter(REVISION));
    if (revision >= 0) {
      if (revision < draft.revision()) {
        binder.setDisallowedFields("*");
        return;
      }
      draft.revise(revision);
    }
    if (request.getParameter(ENTITIES_POSTED) != null) {
      draft.setEntities(new ArrayList<>());
    }
  }

  private static long revision(String parameter) {
    try {
      return parameter == null ? -1 : Long.parseLong(parameter);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @GetMapping
  String start() {
    return "redirect:/wizard/1";
  }

  @GetMapping("/{step}")
  String show(@PathVariable int step, @ModelAttribute("draft") SpecDraft draft, Model model) {
    return page(checked(step), draft, new LinkedHashMap<>(), model);
  }

  /**
   * One post per step: {@code next} validates this step and moves on, {@code back} keeps what was
   * entered and goes back, the add and remove actions change rows on the entities step.
   */
  @PostMapping("/{step}")
  String submit(
      @PathVariable int step,
      @ModelAttribute("draft") SpecDraft draft,
      @RequestParam(defaultValue = "next") String action,
      Model model) {
    step = checked(step);
    String[] parts = action.split(":");
    switch (parts[0]) {
      case "back" -> {
        return "redirect:/wizard/" + Math.max(1, step - 1);
      }
      case "goto" -> {
        return "redirect:/wizard/" + checked(index(parts, 1));
      }
      case "addEntity" -> {
        draft.getEntities().add(new EntityForm());
        return "redirect:/wizard/3#entity-" + (draft.getEntities().size() - 1);
      }
      case "removeEntity" -> {
        remove(draft.getEntities(), index(parts, 1));
        return "redirect:/wizard/3";
      }
      case "addField" -> {
        entity(draft, parts).getFields().add(new FieldForm());
        return "redirect:/wizard/3#entity-" + index(parts, 1);
      }
      case "removeField" -> {
        remove(entity(draft, parts).getFields(), index(parts, 2));
        return "redirect:/wizard/3#entity-" + index(parts, 1);
      }
      case "addRelation" -> {
        entity(draft, parts).getRelations().add(new RelationForm());
        return "redirect:/wizard/3#entity-" + index(parts, 1);
      }
      case "removeRelation" -> {
        remove(entity(draft, parts).getRelations(), index(parts, 2));
        return "redirect:/wizard/3#entity-" + index(parts, 1);
      }
      default -> {
        Map<String, List<String>> errors = errors(draft, step);
        if (!errors.isEmpty()) {
          return page(step, draft, errors, model);
        }
        return "redirect:/wizard/" + Math.min(STEPS, step + 1);
      }
    }
  }

  /**
   * Keeps what the step's form holds (as a post of the step would) and answers the validator's
   * problems with that step, by form property; the page's script shows them next to their fields as
   * the user types.
   */
  @PostMapping(path = "/{step}/check", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  StepCheck check(@PathVariable int step, @ModelAttribute("draft") SpecDraft draft) {
    return new StepCheck(errors(draft, checked(step)));
  }

  /** The problems of one step: form property ({@code entities[0].name}) to messages. */
  record StepCheck(Map<String, List<String>> errors) {}

  /**
   * Validates the whole draft and starts the generation, as a revision when the wizard was opened
   * on a project; problems send the user to review.
   */
  @PostMapping("/generate")
  String generate(
      @ModelAttribute("draft") SpecDraft draft,
      Authentication authentication,
      SessionStatus session,
      HttpSession httpSession,
      Model model) {
    Map<String, List<String>> errors = errors(draft, 0);
    if (!errors.isEmpty()) {
      return page(STEPS, draft, errors, model);
    }
    try {
      RevisionOf revisionOf = revisionOf(httpSession);
      String owner = Owner.of(authentication);
      byte[] spec = DraftJson.write(draft);
      var submission =
          revisionOf == null
              ? projects.submit(owner, spec, null)
              : revisions.revise(owner, revisionOf.id(), spec, null);
      session.setComplete();
      httpSession.removeAttribute(REVISION_OF);
      return "redirect:/projects/" + submission.project().id();
    } catch (ProblemException e) {
      model.addAttribute("failure", e.problem().getDetail());
      return page(STEPS, draft, new LinkedHashMap<>(), model);
    }
  }

  /** Replaces the draft with a pasted or uploaded spec and opens the first step. */
  @PostMapping("/import")
  String importSpec(
      @RequestParam(required = false) String json,
      @RequestParam(required = false) MultipartFile file,
      Model model)
      throws IOException {
    byte[] bytes =
        file != null && !file.isEmpty()
            ? file.getBytes()
            : (json == null ? "" : json).getBytes(StandardCharsets.UTF_8);
    if (bytes.length > Limits.MAX_SPEC_BYTES) {
      model.addAttribute(
          "importError", "The spec is larger than " + Limits.MAX_SPEC_BYTES + " bytes.");
      return page(1, (SpecDraft) model.getAttribute("draft"), new LinkedHashMap<>(), model);
    }
    try {
      model.addAttribute("draft", DraftJson.read(bytes));
    } catch (IllegalArgumentException e) {
      model.addAttribute("importError", e.getMessage());
      return page(1, (SpecDraft) model.getAttribute("draft"), new LinkedHashMap<>(), model);
    }
    return "redirect:/wizard/1";
  }

  /** The draft as a spec file. */
  @GetMapping("/spec.json")
  ResponseEntity<byte[]> export(@ModelAttribute("draft") SpecDraft draft) {
    String name = draft.getName().isBlank() ? "spec" : draft.getName().replaceAll("[^a-z0-9-]", "");
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name + ".json").build().toString())
        .body(DraftJson.write(draft));
  }

  /** Starts again with an empty draft, of a new project. */
  @PostMapping("/reset")
  String reset(SessionStatus session, HttpSession httpSession) {
    session.setComplete();
    httpSession.removeAttribute(REVISION_OF);
    return "redirect:/wizard/1";
  }

  /**
   * The validator's problems with the draft, by form property; only those entered on {@code step},
   * or all of them for step 0.
   */
  private Map<String, List<String>> errors(SpecDraft draft, int step) {
    ValidationResult result = validator.validate(DraftJson.write(draft));
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (SpecError error : result.errors()) {
      if (step == 0 || DraftJson.step(error.pointer()) == step) {
        errors
            .computeIfAbsent(DraftJson.property(error.pointer()), k -> new ArrayList<>())
            .add(error.message());
      }
    }
    return errors;
  }

  private String page(int step, SpecDraft draft, Map<String, List<String>> errors, Model model) {
    model.addAttribute(
        "pageTitle", model.getAttribute("revisionOf") == null ? "New project" : "New revision");
    model.addAttribute("step", step);
    model.addAttribute("titles", TITLES);
    model.addAttribute("errors", errors);
    model.addAttribute("errorSteps", errorSteps(errors));
    model.addAttribute("stacks", Arrays.stream(Stack.values()).map(Stack::json).toList());
    model.addAttribute("databases", Arrays.stream(Database.values()).map(Database::json).toList());
    model.addAttribute(
        "fieldTypes", Arrays.stream(FieldType.values()).map(FieldType::json).toList());
    model.addAttribute("relationKinds", RelationKind.jsonKinds());
    model.addAttribute(
        "deleteRules", Arrays.stream(DeleteRule.values()).map(DeleteRule::json).toList());
    model.addAttribute("auths", Arrays.stream(Auth.values()).map(Auth::json).toList());
    model.addAttribute("entitiesPosted", ENTITIES_POSTED);
    model.addAttribute(
        "entityNames",
        draft.getEntities().stream()
            .map(entity -> entity.getName().strip())
            .filter(name -> !name.isEmpty())
            .distinct()
            .toList());
    model.addAttribute("blankEntity", new EntityForm());
    model.addAttribute("blankField", new FieldForm());
    model.addAttribute("blankRelation", new RelationForm());
    if (step == STEPS) {
      byte[] json = DraftJson.write(draft);
      ValidationResult result = validator.validate(json);
      model.addAttribute(
          "specJson",
          result.valid()
              ? SpecJson.write(result.spec())
              : new String(json, StandardCharsets.UTF_8));
      model.addAttribute("valid", result.valid());
      model.addAttribute("diagram", ModelDiagram.draw(DraftModel.of(draft)));
    }
    return "wizard";
  }

  private static Map<Integer, String> errorSteps(Map<String, List<String>> errors) {
    Map<Integer, String> steps = new LinkedHashMap<>();
    errors
        .keySet()
        .forEach(p -> steps.putIfAbsent(DraftJson.step("/" + p.replaceAll("[.\\[\\]]+", "/")), p));
    return steps;
  }

  private static int checked(int step) {
    if (step < 1 || step > STEPS) {
      throw new PageNotFoundException();
    }
    return step;
  }

  private static EntityForm entity(SpecDraft draft, String[] parts) {
    int i = index(parts, 1);
    if (i >= draft.getEntities().size()) {
      throw new PageNotFoundException();
    }
    return draft.getEntities().get(i);
  }

  private static int index(String[] parts, int position) {
    try {
      return Integer.parseInt(parts[position]);
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      throw new PageNotFoundException();
    }
  }

  private static void remove(List<?> list, int index) {
    if (index < list.size()) {
      list.remove(index);
    }
  }
}
