package io.backforge.api.spec;

import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.templates.spec.Limits;
import io.backforge.workflows.payload.DraftResult;
import io.backforge.workflows.payload.TokenUsage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts a spec from a description in words: a worker's language model answers a draft ({@link
 * SpecDrafter}), and the spec validator lists every problem in it. Nothing is stored but the tokens
 * it cost.
 */
@ConditionalOnWebApplication
@RestController
class DraftController {

  /** Longest description accepted, in characters. */
  static final int MAX_PROMPT_LENGTH = Limits.MAX_INSTRUCTIONS_LENGTH;

  private static final TypeReference<Map<String, Object>> SPEC = new TypeReference<>() {};

  private final SpecDrafter drafter;
  private final JsonMapper json;

  DraftController(SpecDrafter drafter, JsonMapper json) {
    this.drafter = drafter;
    this.json = json;
  }

  /**
   * {@code 200} with the draft, whether it is valid and the validator's errors; {@code 400} for an
   * empty or too long prompt, before anything starts; {@code 503} when the worker has no model
   * configured or no worker answers in time; {@code 502} when the model fails.
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
    DraftResult draft = drafter.draft(prompt, jwt.getSubject());
    return switch (draft.outcome()) {
      case DRAFTED ->
          new DraftView(
              draft.valid(),
              json.readValue(draft.specJson(), SPEC),
              draft.errors().stream()
                  .map(e -> Map.of("pointer", e.pointer(), "message", e.message()))
                  .toList(),
              UsageView.of(draft.usage()));
      case UNAVAILABLE -> throw new ProblemException(Problems.aiUnavailable(draft.reason() + "."));
      case FAILED -> throw new ProblemException(Problems.aiFailed(draft.reason() + "."));
    };
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

    static UsageView of(TokenUsage usage) {
      return new UsageView(
          usage.requests(),
          usage.inputTokens(),
          usage.outputTokens(),
          usage.inputTokens() + usage.outputTokens());
    }
  }
}
