package io.backforge.api.security;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The issuer's record of authorizations, in memory. Those of the client credentials grant are not
 * kept: their tokens are self-contained JWTs checked on use (signature, expiry, account and
 * credential state), nothing looks them up again, and a script asking for a token per call would
 * otherwise grow the store without end. The pages' sign-ins (authorization code, one per sign-in)
 * are kept so that the code can be exchanged and the ID token recognised at sign-out.
 */
final class IssuerAuthorizations implements OAuth2AuthorizationService {

  private final InMemoryOAuth2AuthorizationService kept = new InMemoryOAuth2AuthorizationService();

  @Override
  public void save(OAuth2Authorization authorization) {
    if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(
        authorization.getAuthorizationGrantType())) {
      kept.save(authorization);
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    kept.remove(authorization);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return kept.findById(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return kept.findByToken(token, tokenType);
  }
}
