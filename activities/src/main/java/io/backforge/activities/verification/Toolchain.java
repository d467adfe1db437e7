package io.backforge.activities.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this process can verify generated Flask projects: Debian's Python with the packages the
 * projects import, Black, pyflakes, and a bubblewrap sandbox that actually starts here. Checked
 * once, at start-up; the worker polls {@code backforge-verify} only when everything is there.
 */
@Component
public class Toolchain {

  private static final Logger log = LoggerFactory.getLogger(Toolchain.class);

  static final String PYTHON = "/usr/bin/python3";
  private static final String MODULES =
      "import flask, flask_sqlalchemy, flask_migrate, flask_jwt_extended, marshmallow, pytest";

  private final String missing;

  Toolchain(@Value("${backforge.verify.enabled:true}") boolean enabled) {
    this.missing = enabled ? probe() : "verification is turned off (BACKFORGE_VERIFY_ENABLED)";
    if (missing.isEmpty()) {
      log.info("Python toolchain and sandbox found: this worker verifies generated projects");
    } else {
      log.info("This worker does not verify generated projects: {}", missing);
    }
  }

  /** Whether projects can be verified here. */
  public boolean available() {
    return missing.isEmpty();
  }

  /** What is missing, for people; empty when {@link #available()}. */
  public String missing() {
    return missing;
  }

  private static String probe() {
    List<String> absent = new ArrayList<>();
    for (String tool : List.of(PYTHON, "/usr/bin/black", "/usr/bin/pyflakes3", "/usr/bin/bwrap")) {
      if (!Files.isExecutable(Path.of(tool))) {
        absent.add(tool);
      }
    }
    for (String tool : List.of("/usr/bin/timeout", "/usr/bin/prlimit")) {
      if (!Files.isExecutable(Path.of(tool))) {
        absent.add(tool);
      }
    }
    if (!absent.isEmpty()) {
      return "not installed: " + String.join(", ", absent);
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("backforge-toolchain");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Sandbox.Result result = Sandbox.run(dir, Duration.ofSeconds(30), PYTHON, "-c", MODULES);
      if (result.exitCode() != 0) {
        String output = result.output().strip();
        return "the sandbox or the Python packages do not work here: "
            + output.substring(Math.max(0, output.length() - 300));
      }
      return "";
    } catch (RuntimeException e) {
      return "the sandbox cannot start: " + e.getMessage();
    } finally {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException ignored) {
        // a leftover empty temp directory is harmless
      }
    }
  }
}
