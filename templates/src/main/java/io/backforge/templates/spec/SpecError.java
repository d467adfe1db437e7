package io.backforge.templates.spec;

/**
 * One problem found in a spec.
 *
 * @param pointer RFC 6901 JSON pointer to where the problem is, {@code ""} for the whole document
 * @param message what is wrong and what to change, for people
 */
public record SpecError(String pointer, String message) {}
