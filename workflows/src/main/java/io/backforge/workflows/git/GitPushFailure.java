package io.backforge.workflows.git;

/**
 * Why a push ended without reaching the remote, recorded on its push record.
 *
 * @param pushId the push record
 * @param tokenId the token to delete, or {@code null}
 * @param error what went wrong, for people (never a credential)
 */
public record GitPushFailure(String pushId, String tokenId, String error) {}
