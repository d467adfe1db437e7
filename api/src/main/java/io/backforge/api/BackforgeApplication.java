package io.backforge.api;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Backforge platform in one jar. {@code BACKFORGE_ROLES} (default {@code web,worker}) says what
 * this process does: {@code web} serves the REST API, pages and the development issuer; {@code
 * worker} runs the Temporal workers. A worker-only process starts no web server.
 */
// Only these two modules hold components; scanning templates and workflows would find none.
@SpringBootApplication(scanBasePackages = {"io.backforge.api", "io.backforge.activities"})
public class BackforgeApplication {

  /** Starts the platform in the configured roles. */
  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(BackforgeApplication.class);
    if (!roles(args).contains("web")) {
      application.setWebApplicationType(WebApplicationType.NONE);
    }
    application.run(args);
  }

  private static String roles(String[] args) {
    return Arrays.stream(args)
        .filter(a -> a.startsWith("--backforge.roles="))
        .map(a -> a.substring("--backforge.roles=".length()))
        .findFirst()
        .or(() -> java.util.Optional.ofNullable(System.getenv("BACKFORGE_ROLES")))
        .or(() -> java.util.Optional.ofNullable(System.getProperty("backforge.roles")))
        .orElse("web,worker");
  }
}
