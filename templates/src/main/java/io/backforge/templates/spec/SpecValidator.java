package io.backforge.templates.spec;

/** Parses and validates specs, collecting every problem. Thread-safe. */
public final class SpecValidator {

  /** Parses {@code json} (UTF-8) and validates it. Never throws for bad input. */
  public ValidationResult validate(byte[] json) {
    throw new UnsupportedOperationException("validator not implemented yet");
  }
}
