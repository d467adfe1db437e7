package com.example.library_service.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error is an RFC 9457 problem detail ({@code application/problem+json}) of one shape,
 * {@link Problem}: the API's own problems, and those Spring MVC raises before a controller runs
 * (400, 404, 405, 406, 413, 415), each with its stable type; invalid input lists each field
 * under {@code errors}. Never a stack trace, a class name or the request's URL.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> api(ApiException e) {
    return answer(e, new HttpHeaders());
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> conflict(DataIntegrityViolationException e) {
    return api(
        ApiException.conflict(
            "The change conflicts with stored data: a unique value is already taken,"
                + " or other rows still refer to this one."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<InvalidField> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new InvalidField(jsonName(e.getField()), String.valueOf(e.getDefaultMessage())))
            .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
            .toList();
    return api(ApiException.invalid("The request is invalid.", errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
        String field = json.getPath().get(0).getPropertyName();
        if (field != null) {
          String message =
              json instanceof UnrecognizedPropertyException
                  ? RequestBodies.UNKNOWN_PROPERTY
                  : "Has the wrong type or format.";
          return api(
              ApiException.invalid(
                  "The request is invalid.", List.of(new InvalidField(jsonName(field), message))));
        }
      }
    }
    return api(ApiException.invalid("The request body is not a valid JSON object.", List.of()));
  }

  /** A path variable or query parameter that does not convert, such as {@code /api/x/abc}. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException argument
            ? argument.getName()
            : String.valueOf(ex.getPropertyName());
    return api(
        ApiException.invalid(
            "The request is invalid.",
            List.of(new InvalidField(name, mismatch(ex.getRequiredType())))));
  }

  private static String mismatch(Class<?> type) {
    if (type == long.class || type == Long.class) {
      return "Must be a whole number that fits in 64 bits.";
    }
    if (type == int.class || type == Integer.class) {
      return "Must be a whole number that fits in 32 bits.";
    }
    return "Has the wrong type or format.";
  }

  /**
   * Every other exception Spring MVC answers itself: its status kept (and headers such as {@code
   * Allow}), its body replaced by this API's problem of that status.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (request instanceof ServletWebRequest servlet
        && servlet.getResponse() != null
        && servlet.getResponse().isCommitted()) {
      return null;
    }
    return answer(ApiException.http(status), headers);
  }

  /** The answer to {@code e}, whatever the request's {@code Accept} header asks for. */
  static ResponseEntity<Object> answer(ApiException e, HttpHeaders headers) {
    HttpHeaders out = new HttpHeaders();
    out.addAll(headers);
    out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(e.status())
        .headers(out)
        .body(new Problem(e.type(), e.title(), e.status().value(), e.getMessage(), e.errors()));
  }

  /** Java names of JSON keys that are Java keywords end with "_"; no JSON key does. */
  static String jsonName(String javaName) {
    return javaName.endsWith("_") ? javaName.substring(0, javaName.length() - 1) : javaName;
  }
}
