package io.backforge.api.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Ends a request with the given problem. */
public class ProblemException extends RuntimeException {

  private final transient ProblemDetail problem;
  private final transient HttpHeaders headers;

  /** An exception answering {@code problem}. */
  public ProblemException(ProblemDetail problem) {
    this(problem, HttpHeaders.EMPTY);
  }

  /** An exception answering {@code problem} with extra response headers (such as Retry-After). */
  public ProblemException(ProblemDetail problem, HttpHeaders headers) {
    super(problem.getDetail(), null, false, false);
    this.problem = problem;
    this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
  }

  /** The problem to answer. */
  public ProblemDetail problem() {
    return problem;
  }

  /** Headers to answer with the problem. */
  public HttpHeaders headers() {
    return headers;
  }

  /** The answer: the problem as {@code application/problem+json}, with its headers. */
  public ResponseEntity<ProblemDetail> response() {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .headers(headers)
        .body(problem);
  }
}
