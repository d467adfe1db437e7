package io.backforge.workflows.git;

/**
 * What to push: references only, never file contents or a credential.
 *
 * @param pushId the push record the API created ({@code git_pushes.id})
 * @param projectId the generation whose files are pushed
 * @param remote the remote's URL, already checked against the allow-list, without credentials
 * @param branch the branch to commit to, already checked as a ref name
 * @param tokenId the id of the encrypted HTTPS token to use and delete, or {@code null}
 */
public record GitPushRequest(
    String pushId, String projectId, String remote, String branch, String tokenId) {}
