package io.backforge.activities.verification;

import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.StackPacks;
import io.backforge.templates.spec.Stack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which stacks' generated projects this process can verify: those whose pack's verification recipe
 * finds its tools here (for Flask, Debian's Python with the packages the projects import, Black and
 * pyflakes; for Spring Boot, Maven and a JDK), in a bubblewrap sandbox that actually starts here.
 * Checked once, when the worker has started (or at the first question); the worker polls {@code
 * backforge-verify} once at least one stack can be verified.
 */
@Component
public class Toolchain {

  private static final Logger log = LoggerFactory.getLogger(Toolchain.class);

  private final Map<Stack, PackChecks> checks = new LinkedHashMap<>();
  private final boolean enabled;
  private CompletableFuture<Map<Stack, String>> missing;

  Toolchain(@Value("${backforge.verify.enabled:true}") boolean enabled, DependencyCaches caches) {
    this.enabled = enabled;
    for (StackPack pack : StackPacks.all()) {
      checks.put(pack.stack(), new PackChecks(pack, caches));
    }
  }

  /**
   * The probes' findings, stack by stack: started at the first call, each stack's probe on a thread
   * of its own, so that a worker starts them once it has started (off the start-up's critical path)
   * and the first question about a stack waits for them.
   */
  private synchronized CompletableFuture<Map<Stack, String>> probes() {
    if (missing == null) {
      Map<Stack, CompletableFuture<String>> probes = new LinkedHashMap<>();
      for (Stack stack : Stack.values()) {
        PackChecks stackChecks = checks.get(stack);
        probes.put(
            stack,
            stackChecks == null
                ? CompletableFuture.completedFuture(
                    "this worker has no checks for " + stack.json() + " projects")
                : enabled
                    ? CompletableFuture.supplyAsync(stackChecks::probe, Toolchain::probeThread)
                    : CompletableFuture.completedFuture(
                        "verification is turned off (BACKFORGE_VERIFY_ENABLED)"));
      }
      missing =
          CompletableFuture.allOf(probes.values().toArray(CompletableFuture[]::new))
              .thenApply(
                  done -> {
                    Map<Stack, String> found = new LinkedHashMap<>();
                    probes.forEach((stack, probe) -> found.put(stack, probe.join()));
                    found.forEach(Toolchain::report);
                    return found;
                  });
    }
    return missing;
  }

  /** Completes with whether projects of some stack can be verified here, once probed. */
  public CompletableFuture<Boolean> whenProbed() {
    return probes().thenApply(found -> found.values().stream().anyMatch(String::isEmpty));
  }

  private static void probeThread(Runnable probe) {
    Thread thread = new Thread(probe, "toolchain-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void report(Stack stack, String what) {
    if (what.isEmpty()) {
      log.info("This worker verifies generated {} projects", stack.json());
    } else {
      log.info("This worker does not verify generated {} projects: {}", stack.json(), what);
    }
  }

  private Map<Stack, String> missingByStack() {
    return probes().join();
  }

  /** Whether projects of some stack can be verified here. */
  public boolean available() {
    return missingByStack().values().stream().anyMatch(String::isEmpty);
  }

  /** Whether projects of {@code stack} can be verified here. */
  public boolean available(Stack stack) {
    return missingByStack().get(stack).isEmpty();
  }

  /** What is missing to verify projects of {@code stack}, for people; empty when available. */
  public String missing(Stack stack) {
    return missingByStack().get(stack);
  }

  /** What is missing for every stack that cannot be verified here; empty when all can. */
  public String missing() {
    return missingByStack().entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getKey().json() + ": " + e.getValue())
        .collect(Collectors.joining("; "));
  }

  /** The checks of {@code stack}, when they can run here. */
  Optional<PackChecks> checks(Stack stack) {
    return available(stack) ? Optional.of(checks.get(stack)) : Optional.empty();
  }
}
