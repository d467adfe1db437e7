package io.backforge.workflows.payload;

/**
 * Input of the spec draft workflow.
 *
 * @param prompt the backend described in words, already checked by the web process
 * @param owner who asked (the token's subject), for the usage record
 * @param modelTimeoutMillis how long one model call may take, in milliseconds; the workflow's
 *     activity timeouts are this plus margins (see {@link
 *     io.backforge.workflows.DraftOptions#startToClose})
 */
public record DraftRequest(String prompt, String owner, long modelTimeoutMillis) {}
