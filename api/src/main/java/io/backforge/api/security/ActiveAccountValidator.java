package io.backforge.api.security;

import io.backforge.api.account.AccountStatus;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses, on every use, tokens of the built-in issuer whose account was disabled or whose personal
 * credential was revoked, whatever their expiry says. A {@code sub} that is an account's id must
 * name an enabled account; other subjects (the development client) pass. Fails closed when the
 * accounts cannot be read.
 */
final class ActiveAccountValidator implements OAuth2TokenValidator<Jwt> {

  private final AccountStatus status;

  ActiveAccountValidator(AccountStatus status) {
    this.status = status;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    try {
      String credential = token.getClaimAsString(TokenClaims.CREDENTIAL);
      if (credential != null && !status.credentialActive(uuid(credential))) {
        return refused("The credentials this token was obtained with were revoked.");
      }
      UUID account = uuidOrNull(token.getSubject());
      if (account != null && !status.enabled(account)) {
        return refused("The account is disabled.");
      }
      return OAuth2TokenValidatorResult.success();
    } catch (IllegalArgumentException e) {
      return refused("The token names an unknown credential.");
    } catch (DataAccessException e) {
      return refused("The account could not be checked; try again shortly.");
    }
  }

  private static OAuth2TokenValidatorResult refused(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }

  private static UUID uuid(String value) {
    return UUID.fromString(value);
  }

  private static UUID uuidOrNull(String value) {
    if (value == null || value.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
