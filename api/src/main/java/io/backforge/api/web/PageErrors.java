package io.backforge.api.web;

import io.backforge.api.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages become the friendly error pages ({@code error/404}, {@code error/500}, …),
 * never problem JSON or stack traces; the REST API keeps its problem details.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

  @ExceptionHandler(PageNotFoundException.class)
  ModelAndView notFound() {
    return view(HttpStatus.NOT_FOUND, "The page or project you asked for does not exist.");
  }

  @ExceptionHandler(ProblemException.class)
  ModelAndView problem(ProblemException e) {
    HttpStatus status = HttpStatus.valueOf(e.problem().getStatus());
    return view(status, e.problem().getDetail());
  }

  @ExceptionHandler(
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
  ModelAndView badArgument() {
    return view(HttpStatus.NOT_FOUND, "The page or project you asked for does not exist.");
  }

  /** A form post naming a property path the draft cannot hold, such as {@code entities[x].name}. */
  @ExceptionHandler(InvalidPropertyException.class)
  ModelAndView badFormField() {
    return view(HttpStatus.BAD_REQUEST, "The form held a field this page does not know.");
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e) {
    log.error("Unexpected error on a page", e);
    return view(HttpStatus.INTERNAL_SERVER_ERROR, null);
  }

  private static ModelAndView view(HttpStatus status, String detail) {
    String name =
        switch (status.value()) {
          case 403, 404, 500 -> "error/" + status.value();
          default -> "error";
        };
    ModelAndView view = new ModelAndView(name, status);
    view.addObject("status", status.value());
    view.addObject("error", status.getReasonPhrase());
    view.addObject("detail", detail);
    return view;
  }
}
