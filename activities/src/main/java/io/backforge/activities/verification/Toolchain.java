package io.backforge.activities.verification;

import io.backforge.templates.spec.Stack;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which stacks' generated projects this process can verify: for Flask, Debian's Python with the
 * packages the projects import, Black and pyflakes; for Spring Boot, Maven and a JDK; for both, a
 * bubblewrap sandbox that actually starts here. Checked once, at start-up; the worker polls {@code
 * backforge-verify} when at least one stack can be verified.
 */
@Component
public class Toolchain {

  private static final Logger log = LoggerFactory.getLogger(Toolchain.class);

  private final Map<Stack, ProjectChecks> checks = new EnumMap<>(Stack.class);
  private final Map<Stack, String> missing = new EnumMap<>(Stack.class);

  Toolchain(
      @Value("${backforge.verify.enabled:true}") boolean enabled, List<ProjectChecks> stacks) {
    for (Stack stack : Stack.values()) {
      missing.put(stack, "this worker has no checks for " + stack.json() + " projects");
    }
    for (ProjectChecks stackChecks : stacks) {
      Stack stack = stackChecks.stack();
      checks.put(stack, stackChecks);
      missing.put(
          stack,
          enabled ? stackChecks.probe() : "verification is turned off (BACKFORGE_VERIFY_ENABLED)");
    }
    missing.forEach(
        (stack, what) -> {
          if (what.isEmpty()) {
            log.info("This worker verifies generated {} projects", stack.json());
          } else {
            log.info("This worker does not verify generated {} projects: {}", stack.json(), what);
          }
        });
  }

  /** Whether projects of some stack can be verified here. */
  public boolean available() {
    return missing.values().stream().anyMatch(String::isEmpty);
  }

  /** Whether projects of {@code stack} can be verified here. */
  public boolean available(Stack stack) {
    return missing.get(stack).isEmpty();
  }

  /** What is missing to verify projects of {@code stack}, for people; empty when available. */
  public String missing(Stack stack) {
    return missing.get(stack);
  }

  /** What is missing for every stack that cannot be verified here; empty when all can. */
  public String missing() {
    return missing.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getKey().json() + ": " + e.getValue())
        .collect(Collectors.joining("; "));
  }

  /** The checks of {@code stack}, when they can run here. */
  Optional<ProjectChecks> checks(Stack stack) {
    return available(stack) ? Optional.of(checks.get(stack)) : Optional.empty();
  }
}
