package io.backforge.workflows.payload;

/**
 * Input of the draft activity.
 *
 * @param prompt the backend described in words
 * @param owner who asked, for the usage record
 */
public record DraftInput(String prompt, String owner) {}
