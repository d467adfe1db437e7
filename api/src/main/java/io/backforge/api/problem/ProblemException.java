package io.backforge.api.problem;

import org.springframework.http.ProblemDetail;

/** Ends a request with the given problem. */
public class ProblemException extends RuntimeException {

  private final transient ProblemDetail problem;

  /** An exception answering {@code problem}. */
  public ProblemException(ProblemDetail problem) {
    super(problem.getDetail(), null, false, false);
    this.problem = problem;
  }

  /** The problem to answer. */
  public ProblemDetail problem() {
    return problem;
  }
}
