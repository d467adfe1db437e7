package io.backforge.api.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Accounts of the built-in issuer: sign-up with password rules, personal API credentials, and what
 * an admin does to accounts.
 */
@Service
public class Accounts {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_EMAIL = 254;
  private static final int MAX_CREDENTIAL_NAME = 60;
  private static final int MAX_CREDENTIALS = 20;

  private final AccountStore accounts;
  private final CredentialStore credentials;
  private final AccountStatus status;
  private final PasswordEncoder encoder;
  private final SecureRandom random = new SecureRandom();

  Accounts(
      AccountStore accounts,
      CredentialStore credentials,
      AccountStatus status,
      PasswordEncoder encoder) {
    this.accounts = accounts;
    this.credentials = credentials;
    this.status = status;
    this.encoder = encoder;
  }

  /**
   * Creates a {@code USER} account, or answers every problem with the email and the password at
   * once, by field ({@code email}, {@code password}).
   */
  public SignUp signUp(String email, String password) {
    String address = email == null ? "" : email.strip();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    List<String> emailProblems = new ArrayList<>();
    if (address.isEmpty()) {
      emailProblems.add("Enter your email address.");
    } else if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
      emailProblems.add("Enter an email address such as name@example.org.");
    }
    List<String> passwordProblems = PasswordRules.check(password, address);
    if (emailProblems.isEmpty() && accounts.findByEmail(address).isPresent()) {
      emailProblems.add("An account with this email already exists; sign in instead.");
    }
    if (!emailProblems.isEmpty()) {
      errors.put("email", emailProblems);
    }
    if (!passwordProblems.isEmpty()) {
      errors.put("password", passwordProblems);
    }
    if (!errors.isEmpty()) {
      return new SignUp(null, errors);
    }
    Optional<Account> created =
        accounts.create(UUID.randomUUID(), address, encoder.encode(password), Role.USER);
    if (created.isEmpty()) {
      return new SignUp(
          null,
          Map.of("email", List.of("An account with this email already exists; sign in instead.")));
    }
    return new SignUp(created.get(), Map.of());
  }

  /** The account made by a sign-up, or the problems by field that kept it from being made. */
  public record SignUp(Account account, Map<String, List<String>> errors) {

    /** Whether the account was created. */
    public boolean created() {
      return account != null;
    }
  }

  /**
   * Makes sure an account with this email exists with at least {@code role}: creates it with {@code
   * password} when missing (the password must follow the rules, checked unless {@code trusted}); an
   * existing account is made {@code ADMIN} when asked (never demoted) and keeps its password unless
   * {@code resetPassword}.
   */
  public Account ensure(
      UUID id, String email, String password, Role role, boolean trusted, boolean resetPassword) {
    Optional<Account> existing = accounts.findByEmail(email);
    if (existing.isPresent()) {
      Account account = existing.get();
      if (role == Role.ADMIN && account.role() != Role.ADMIN) {
        accounts.setRole(account.id(), role);
      }
      if (resetPassword && !encoder.matches(password, account.passwordHash())) {
        accounts.setPasswordHash(account.id(), encoder.encode(password));
      }
      status.forget(account.id());
      return accounts.find(account.id()).orElseThrow();
    }
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "no account has the email " + email + "; set BACKFORGE_ADMIN_PASSWORD to create it");
    }
    if (!trusted) {
      List<String> problems = PasswordRules.check(password, email);
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "the password configured for " + email + " is too weak: " + String.join(" ", problems));
      }
    }
    return accounts
        .create(id == null ? UUID.randomUUID() : id, email, encoder.encode(password), role)
        .or(() -> accounts.findByEmail(email))
        .orElseThrow();
  }

  /** The account with this email, whatever its case. */
  public Optional<Account> findByEmail(String email) {
    return accounts.findByEmail(email);
  }

  /** The account with this id. */
  public Optional<Account> find(UUID id) {
    return accounts.find(id);
  }

  /** Every account, oldest first (at most 1000). */
  public List<Account> list() {
    return accounts.list(1000);
  }

  /** Turns an account on or off; its tokens and sessions stop working at once. */
  public boolean setEnabled(UUID id, boolean enabled) {
    boolean changed = accounts.setEnabled(id, enabled);
    status.forget(id);
    return changed;
  }

  /**
   * Creates a personal API credential for the user; the answer carries the secret, which is stored
   * only hashed and never shown again. Answers the problems by field when the name is not right or
   * the user has too many.
   */
  public NewCredential createCredential(UUID userId, String name) {
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > MAX_CREDENTIAL_NAME) {
      return new NewCredential(
          null,
          null,
          Map.of(
              "name",
              List.of("Name it in 1 to " + MAX_CREDENTIAL_NAME + " characters, e.g. \"CI\".")));
    }
    if (credentials.active(userId).size() >= MAX_CREDENTIALS) {
      return new NewCredential(
          null,
          null,
          Map.of(
              "name",
              List.of(
                  "You have "
                      + MAX_CREDENTIALS
                      + " credentials already; revoke one you no longer use.")));
    }
    byte[] idBytes = new byte[10];
    random.nextBytes(idBytes);
    byte[] secretBytes = new byte[32];
    random.nextBytes(secretBytes);
    String clientId = "bf-" + HexFormat.of().formatHex(idBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    Credential credential =
        credentials.create(UUID.randomUUID(), userId, label, clientId, encoder.encode(secret));
    return new NewCredential(credential, secret, Map.of());
  }

  /** A credential just created with its secret, or the problems that kept it from being made. */
  public record NewCredential(
      Credential credential, String secret, Map<String, List<String>> errors) {}

  /** The user's credentials that still work, newest first. */
  public List<Credential> credentials(UUID userId) {
    return credentials.active(userId);
  }

  /** Revokes one of the user's credentials: no new tokens, and its tokens stop working at once. */
  public boolean revoke(UUID userId, UUID credentialId) {
    boolean revoked = credentials.revoke(userId, credentialId);
    status.forget(credentialId);
    return revoked;
  }
}
