package io.backforge.api.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal API credential: scripts present its client id and secret at {@code /oauth2/token} and
 * the tokens they get act as its user.
 *
 * @param id its id, also the {@code cred} claim of the tokens it obtains
 * @param userId the account it acts as
 * @param name what its owner called it
 * @param clientId the OAuth2 client id
 * @param secretHash the encoded secret; the secret itself is shown once and never stored
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or null while it works
 */
public record Credential(
    UUID id,
    UUID userId,
    String name,
    String clientId,
    String secretHash,
    Instant createdAt,
    Instant revokedAt) {

  /** Whether it still obtains tokens and its tokens still work. */
  public boolean active() {
    return revokedAt == null;
  }
}
