package io.backforge.api.spec;

import io.backforge.activities.ai.AiCallException;
import io.backforge.activities.ai.AiUsage;
import io.backforge.activities.ai.AiUsageStore;
import io.backforge.activities.ai.DraftSpecs;
import io.backforge.activities.ai.LanguageModel;
import io.backforge.activities.ai.SpecDraft;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.templates.spec.Limits;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts a spec from a description in words (the wizard's "describe it in words" button): the
 * configured language model answers a draft, and the spec validator lists every problem in it.
 * Nothing is stored but the tokens it cost.
 */
@ConditionalOnWebApplication
@RestController
class DraftController {

  /** Longest description accepted, in characters. */
  static final int MAX_PROMPT_LENGTH = Limits.MAX_INSTRUCTIONS_LENGTH;

  private final LanguageModel model;
  private final AiUsageStore usage;
  private final Semaphore calls;

  private final JsonMapper json;

  DraftController(
      LanguageModel model,
      AiUsageStore usage,
      io.backforge.activities.ai.AiProperties properties,
      JsonMapper json) {
    this.model = model;
    this.usage = usage;
    this.calls = new Semaphore(Math.max(1, properties.maxConcurrent()));
    this.json = json;
  }

  /**
   * {@code 200} with the draft, whether it is valid and the validator's errors; {@code 400} for an
   * empty or too long prompt; {@code 503} when no model is configured or all model slots are busy;
   * {@code 502} when the model fails.
   */
  @PostMapping("/api/specs/draft")
  DraftView draft(@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
    DraftRequest request = read(SpecBody.read(http));
    String prompt = request == null ? null : request.prompt();
    if (prompt == null || prompt.isBlank() || prompt.length() > MAX_PROMPT_LENGTH) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "bad-request",
              "Bad request",
              "Send {\"prompt\": \"...\"} with a description of 1 to "
                  + MAX_PROMPT_LENGTH
                  + " characters."));
    }
    if (!model.configured()) {
      throw new ProblemException(Problems.aiUnavailable(model.unavailableReason() + "."));
    }
    if (!calls.tryAcquire()) {
      throw new ProblemException(
          Problems.aiUnavailable("Every language model slot is busy; try again shortly."));
    }
    try {
      LanguageModel.Answer<SpecDraft> answer = model.draft(prompt);
      usage.record(null, jwt.getSubject(), "draft", model.name(), null, answer.usage());
      DraftSpecs.Draft draft = DraftSpecs.validate(answer.content(), answer.usage());
      return new DraftView(
          draft.valid(),
          draft.spec(),
          draft.errors().stream()
              .map(e -> Map.of("pointer", e.pointer(), "message", e.message()))
              .toList(),
          UsageView.of(draft.usage()));
    } catch (AiCallException e) {
      usage.record(null, jwt.getSubject(), "draft", model.name(), null, e.usage());
      throw new ProblemException(Problems.aiFailed(e.getMessage() + "."));
    } finally {
      calls.release();
    }
  }

  /**
   * The request read from a body that {@link SpecBody} has already bounded, so a huge body is
   * {@code 413} before any parsing; {@code null} for a body that is empty or not such an object.
   */
  private DraftRequest read(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return json.readValue(body, DraftRequest.class);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The request: a description of the backend in words. */
  record DraftRequest(String prompt) {}

  /** The answer: the draft spec and every problem the validator found in it. */
  record DraftView(
      boolean valid, Map<String, Object> spec, List<Map<String, String>> errors, UsageView usage) {}

  /** Tokens spent. */
  record UsageView(int requests, long inputTokens, long outputTokens, long totalTokens) {

    static UsageView of(AiUsage usage) {
      return new UsageView(
          usage.requests(), usage.inputTokens(), usage.outputTokens(), usage.totalTokens());
    }
  }
}
