package io.backforge.activities.git;

/** A push that did not reach the remote, with the kind of failure that decides whether to retry. */
public class GitPushException extends RuntimeException {

  /** Kinds of push failure. */
  public enum Kind {
    /** The remote did not answer, or answered too slowly: worth another attempt. */
    UNREACHABLE(true),
    /** The remote refused the credential or asked for one. */
    AUTHENTICATION(false),
    /** There is no repository at the remote's URL. */
    NOT_FOUND(false),
    /** The branch moved under the push, also after fetching it again. */
    NON_FAST_FORWARD(false),
    /** The remote refused the update (a hook, a protected branch), or cannot be spoken to here. */
    REJECTED(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    /** Whether another attempt may succeed. */
    public boolean retryable() {
      return retryable;
    }
  }

  private final Kind kind;

  /** A failure of {@code kind}; {@code message} is for people and never holds a credential. */
  public GitPushException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** The kind of failure. */
  public Kind kind() {
    return kind;
  }
}
