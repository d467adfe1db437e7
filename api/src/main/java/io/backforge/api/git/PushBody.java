package io.backforge.api.git;

/**
 * The body of {@code POST /api/projects/{id}/push}.
 *
 * @param remote the remote's URL; must start with an allowed prefix
 * @param branch the branch to commit to; {@code backforge} when absent
 * @param token an HTTPS token, stored sealed until the push ended, or {@code null}
 */
record PushBody(String remote, String branch, String token) {

  /** The branch when none is given. */
  static final String DEFAULT_BRANCH = "backforge";

  @Override
  public String toString() {
    return "PushBody[remote=" + remote + ", branch=" + branch + ", token=" + (token != null) + "]";
  }
}
