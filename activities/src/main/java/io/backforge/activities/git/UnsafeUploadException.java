package io.backforge.activities.git;

/** An uploaded zip that is refused unread or half read; its message says why, for people. */
public class UnsafeUploadException extends IllegalArgumentException {

  /** A refusal saying {@code reason}. */
  public UnsafeUploadException(String reason) {
    super(reason);
  }
}
