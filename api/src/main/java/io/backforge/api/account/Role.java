package io.backforge.api.account;

/**
 * What an account may do: {@code USER} sees and cancels its own projects, {@code ADMIN} every
 * project, and lists and disables accounts. Tokens carry it in their {@code roles} claim.
 */
public enum Role {
  USER,
  ADMIN;

  /** The Spring Security authority of this role ({@code ROLE_ADMIN}). */
  public String authority() {
    return "ROLE_" + name();
  }
}
