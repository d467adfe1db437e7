package com.example.library_service.auth;

import com.example.library_service.web.ApiException;
import com.example.library_service.web.InvalidField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration and login; login answers a bearer token for the rest of the API. */
@RestController
@RequestMapping("/auth")
class AuthController {

  /**
   * What register and login take.
   *
   * @param email the account's email, compared without case
   * @param password 8 to {@value #MAX_PASSWORD_BYTES} characters, at most {@value
   *     #MAX_PASSWORD_BYTES} bytes in UTF-8 (all BCrypt reads)
   */
  record Credentials(
      @NotBlank @Email @Size(max = 255) String email,
      @NotBlank @Size(min = 8, max = MAX_PASSWORD_BYTES) String password) {}

  /** BCrypt reads 72 bytes and refuses longer passwords; they answer 400, not 500. */
  static final int MAX_PASSWORD_BYTES = 72;

  /**
   * A new account.
   *
   * @param id its id, the subject of its tokens
   * @param email its email
   */
  record Registered(long id, String email) {}

  /**
   * A token to send as {@code Authorization: Bearer <accessToken>}.
   *
   * @param accessToken the JWT
   * @param tokenType always {@code Bearer}
   * @param expiresIn seconds until it expires
   */
  record Token(String accessToken, String tokenType, long expiresIn) {}

  private final AuthAccountRepository accounts;
  private final PasswordEncoder passwords;
  private final TokenService tokens;

  AuthController(AuthAccountRepository accounts, PasswordEncoder passwords, TokenService tokens) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.tokens = tokens;
  }

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public Registered register(@Valid @RequestBody Credentials credentials) {
    checkPasswordBytes(credentials);
    String email = credentials.email().trim().toLowerCase(Locale.ROOT);
    if (accounts.existsByEmail(email)) {
      throw ApiException.conflict("An account with this email already exists.");
    }
    AuthAccount account =
        accounts.saveAndFlush(new AuthAccount(email, passwords.encode(credentials.password())));
    return new Registered(account.getId(), account.getEmail());
  }

  @PostMapping("/login")
  @Transactional(readOnly = true)
  public Token login(@Valid @RequestBody Credentials credentials) {
    checkPasswordBytes(credentials);
    String email = credentials.email().trim().toLowerCase(Locale.ROOT);
    AuthAccount account =
        accounts
            .findByEmail(email)
            .filter(a -> passwords.matches(credentials.password(), a.getPasswordHash()))
            .orElseThrow(() -> ApiException.unauthorized("The email or password is wrong."));
    return new Token(
        tokens.issue(account.getId(), account.getEmail()), "Bearer", tokens.ttlSeconds());
  }

  private static void checkPasswordBytes(Credentials credentials) {
    if (credentials.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw ApiException.invalid(
          "The request is invalid.",
          List.of(
              new InvalidField(
                  "password", "At most " + MAX_PASSWORD_BYTES + " bytes in UTF-8.")));
    }
  }
}
