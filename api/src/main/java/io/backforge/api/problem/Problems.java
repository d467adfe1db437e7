package io.backforge.api.problem;

import io.backforge.templates.spec.SpecError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of problem the API answers with (RFC 9457). Each kind has a stable {@code type} URI and
 * a fixed {@code title}; {@code detail} is for people. Never class names, stack traces or URLs.
 */
public final class Problems {

  private Problems() {}

  /** A spec with every problem found, each with a JSON pointer and a message. */
  public static ProblemDetail invalidSpec(List<SpecError> errors) {
    ProblemDetail problem =
        of(
            HttpStatus.BAD_REQUEST,
            "invalid-spec",
            "Invalid spec",
            errors.size() == 1
                ? "The spec has 1 problem; nothing was stored."
                : "The spec has " + errors.size() + " problems; nothing was stored.");
    problem.setProperty(
        "errors",
        errors.stream().map(e -> Map.of("pointer", e.pointer(), "message", e.message())).toList());
    return problem;
  }

  /** Nothing the caller may see exists here. */
  public static ProblemDetail notFound(String detail) {
    return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
  }

  /** The project has no zip yet, or cannot do what was asked in its state. */
  public static ProblemDetail conflict(String kind, String title, String detail) {
    return of(HttpStatus.CONFLICT, kind, title, detail);
  }

  /** The request body is larger than allowed. */
  public static ProblemDetail tooLarge(long limit) {
    return of(
        HttpStatus.CONTENT_TOO_LARGE,
        "too-large",
        "Request too large",
        "The request body must not exceed " + limit + " bytes.");
  }

  /** The body is not JSON. */
  public static ProblemDetail unsupportedMediaType() {
    return of(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "Unsupported media type",
        "Send the body as application/json, and say so in the Content-Type header.");
  }

  /** No valid bearer token. */
  public static ProblemDetail unauthorized() {
    return of(
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        "Unauthorized",
        "A valid bearer token is required: get one at /oauth2/token.");
  }

  /** The caller sent more requests of this kind than its rate limit allows. */
  public static ProblemDetail rateLimited(String detail, long retryAfterSeconds) {
    ProblemDetail problem =
        of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail);
    problem.setProperty("retryAfterSeconds", retryAfterSeconds);
    return problem;
  }

  /** The caller has as many event streams open as one user may. */
  public static ProblemDetail tooManyStreams(int limit, long retryAfterSeconds) {
    ProblemDetail problem =
        of(
            HttpStatus.TOO_MANY_REQUESTS,
            "too-many-streams",
            "Too many streams",
            "At most "
                + limit
                + " event streams may be open per user; close one or wait for one to end.");
    problem.setProperty("limit", limit);
    problem.setProperty("retryAfterSeconds", retryAfterSeconds);
    return problem;
  }

  /** A dependency (Temporal, PostgreSQL) does not answer. */
  public static ProblemDetail unavailable(String detail) {
    return of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail);
  }

  /** No language model is configured, or none can take the call now; says how to configure one. */
  public static ProblemDetail aiUnavailable(String detail) {
    return of(
        HttpStatus.SERVICE_UNAVAILABLE, "ai-unavailable", "No language model available", detail);
  }

  /** The language model failed or answered something unusable. */
  public static ProblemDetail aiFailed(String detail) {
    return of(HttpStatus.BAD_GATEWAY, "ai-failed", "Language model failed", detail);
  }

  /** Something failed on our side. */
  public static ProblemDetail internal() {
    return of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Internal error",
        "Something went wrong on our side; the error has been logged.");
  }

  /** A problem of the given kind. */
  public static ProblemDetail of(HttpStatus status, String kind, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("/problems/" + kind));
    problem.setTitle(title);
    return problem;
  }
}
