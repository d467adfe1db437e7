package io.backforge.api.spec;

import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dry-run validation of a spec: no side effects. */
@ConditionalOnWebApplication
@RestController
class SpecController {

  private final SpecValidator validator = new SpecValidator();

  /** {@code 200} with a summary for a valid spec; {@code 400} listing every problem otherwise. */
  @PostMapping("/api/specs/validate")
  ValidSpec validate(HttpServletRequest request) {
    ValidationResult result = validator.validate(SpecBody.read(request));
    if (!result.valid()) {
      throw new ProblemException(Problems.invalidSpec(result.errors()));
    }
    return new ValidSpec(
        true,
        result.spec().name().kebab(),
        result.spec().stack().json(),
        result.spec().entities().size());
  }

  /** The answer for a valid spec. */
  record ValidSpec(boolean valid, String name, String stack, int entities) {}
}
