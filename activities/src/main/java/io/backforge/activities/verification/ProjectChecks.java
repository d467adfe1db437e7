package io.backforge.activities.verification;

import io.backforge.templates.spec.Stack;
import io.backforge.workflows.Verification;
import java.nio.file.Path;

/** The checks that prove a generated project of one stack: its linters and its own tests. */
interface ProjectChecks {

  /** How much of the tools' output a verification keeps: its end. */
  int LOG_TAIL = 4000;

  /** The last {@link #LOG_TAIL} characters of {@code log}. */
  static String tail(String log) {
    return log.length() > LOG_TAIL ? log.substring(log.length() - LOG_TAIL) : log;
  }

  /** The stack whose projects these checks prove. */
  Stack stack();

  /**
   * Probes what this machine lacks to run the checks, for people; empty when they can run. {@link
   * Toolchain} calls it once, at start-up, and only when verification is turned on.
   */
  String probe();

  /**
   * Checks the project written to {@code dir}; the directory may be changed by the build. Every
   * process it starts is tracked in {@code running}, so that stopping it ends the check.
   */
  Verification check(Path dir, RunningProcesses running);
}
