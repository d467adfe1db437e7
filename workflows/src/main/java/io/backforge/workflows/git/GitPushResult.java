package io.backforge.workflows.git;

/**
 * A push that reached the remote.
 *
 * @param commit the id of the commit at the branch's tip
 * @param branch the branch
 * @param remote the remote's URL, without credentials
 * @param created whether this push made a new commit ({@code false}: the tip already held exactly
 *     this generation)
 */
public record GitPushResult(String commit, String branch, String remote, boolean created) {}
