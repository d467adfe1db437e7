package io.backforge.api.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account of the built-in issuer.
 *
 * @param id its tokens' {@code sub}, and so the owner of its projects
 * @param email unique whatever its case
 * @param passwordHash the encoded password ({@code {bcrypt}...})
 * @param role what it may do
 * @param enabled whether it may sign in and its tokens work
 * @param createdAt when it signed up
 */
public record Account(
    UUID id, String email, String passwordHash, Role role, boolean enabled, Instant createdAt) {

  /** Whether this account may see and cancel every project and manage accounts. */
  public boolean admin() {
    return role == Role.ADMIN;
  }
}
