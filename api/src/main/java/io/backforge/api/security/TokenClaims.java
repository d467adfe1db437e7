package io.backforge.api.security;

import io.backforge.api.account.Account;
import io.backforge.api.account.AccountStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the built-in issuer's tokens say about their account: a personal credential's tokens act as
 * its user ({@code sub} is the account's id, {@code cred} the credential's), and every token of an
 * account carries its {@code roles}; ID tokens also its {@code email}.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  /** The claim that names the personal credential a token was obtained with. */
  static final String CREDENTIAL = "cred";

  /** The claim that lists the account's roles ({@code USER}, {@code ADMIN}). */
  static final String ROLES = "roles";

  private final AccountStore accounts;

  TokenClaims(AccountStore accounts) {
    this.accounts = accounts;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (!access && !id) {
      return;
    }
    RegisteredClient client = context.getRegisteredClient();
    String user = client.getClientSettings().getSetting(IssuerClients.USER_SETTING);
    String subject;
    if (user != null
        && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      context.getClaims().subject(user).claim(CREDENTIAL, client.getId());
      subject = user;
    } else {
      subject = context.getPrincipal().getName();
    }
    Optional<Account> account = uuid(subject).flatMap(accounts::find);
    account.ifPresent(
        a -> {
          context.getClaims().claim(ROLES, List.of(a.role().name()));
          if (id) {
            context.getClaims().claim("email", a.email());
          }
        });
  }

  private static Optional<UUID> uuid(String subject) {
    try {
      return Optional.of(UUID.fromString(subject));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
