package com.example.shop_backend.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A failure the API answers as an RFC 9457 problem detail with a stable type: the API's own kinds
 * of problem, and one per HTTP status for what the framework refuses before a controller runs.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String type;
  private final String title;
  private final transient List<InvalidField> errors;

  public ApiException(
      HttpStatus status, String type, String title, String detail, List<InvalidField> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** 404: the row does not exist. */
  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
  }

  /** 400 with the invalid fields. */
  public static ApiException invalid(String detail, List<InvalidField> errors) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed", detail, errors);
  }

  /** 409: the change conflicts with what is stored. */
  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
  }

  /** 413: the request body is over {@value RequestBodies#MAX_BYTES} bytes. */
  public static ApiException tooLarge() {
    return new ApiException(
        HttpStatus.CONTENT_TOO_LARGE,
        "content-too-large",
        "Content too large",
        "The request body is larger than " + RequestBodies.MAX_BYTES + " bytes.",
        List.of());
  }

  /**
   * What the framework refuses with {@code status}: the API's own problem of that status where
   * it has one, else a type named after the status. The detail is fixed per status, so nothing
   * of the request (or of the server's classes) is echoed.
   */
  public static ApiException http(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    if (known == null) {
      known = status.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
    }
    return switch (known) {
      case BAD_REQUEST -> invalid("The request is malformed.", List.of());
      case UNAUTHORIZED -> unauthorized("A valid bearer token is required.");
      case NOT_FOUND -> notFound("There is no such resource.");
      case METHOD_NOT_ALLOWED ->
          new ApiException(
              known,
              "method-not-allowed",
              "Method not allowed",
              "This resource does not answer this method; see the Allow header.",
              List.of());
      case NOT_ACCEPTABLE ->
          new ApiException(
              known,
              "not-acceptable",
              "Not acceptable",
              "This resource answers application/json only.",
              List.of());
      case CONTENT_TOO_LARGE -> tooLarge();
      case UNSUPPORTED_MEDIA_TYPE ->
          new ApiException(
              known,
              "unsupported-media-type",
              "Unsupported media type",
              "The request body must be application/json.",
              List.of());
      default ->
          new ApiException(
              known,
              known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
              known.getReasonPhrase(),
              known.is5xxServerError()
                  ? "The server failed to answer this request."
                  : known.getReasonPhrase() + ".",
              List.of());
    };
  }

  /** 401: the caller could not be authenticated. */
  public static ApiException unauthorized(String detail) {
    return new ApiException(
        HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, List.of());
  }

  public HttpStatus status() {
    return status;
  }

  /** The problem type, a URI relative to this API. */
  public URI type() {
    return URI.create("/problems/" + type);
  }

  public String title() {
    return title;
  }

  public List<InvalidField> errors() {
    return errors;
  }
}
