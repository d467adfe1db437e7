package io.backforge.activities.git;

/** A remote URL that is not allowed; its message says why, for people. */
public class RemoteRefusedException extends IllegalArgumentException {

  /** A refusal saying {@code reason}. */
  public RemoteRefusedException(String reason) {
    super(reason);
  }
}
