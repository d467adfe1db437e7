package io.backforge.workflows.payload;

/**
 * A problem the spec validator found in a draft.
 *
 * @param pointer the JSON pointer of the offending value
 * @param message the problem, for people
 */
public record DraftError(String pointer, String message) {}
