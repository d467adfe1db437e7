package io.backforge.api.security;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The pages' sign-in registration against the development issuer in the same application. Its
 * endpoints name the port the server actually listens on, so it is built when asked for; no
 * discovery call is made at start-up, when nothing listens yet.
 */
final class DevWebLogin implements ClientRegistrationRepository, Iterable<ClientRegistration> {

  /** The registration id, also the last segment of the redirect URI. */
  static final String REGISTRATION_ID = "backforge";

  private final DevIssuerProperties properties;
  private final Supplier<String> baseUrl;

  DevWebLogin(DevIssuerProperties properties, Supplier<String> baseUrl) {
    this.properties = properties;
    this.baseUrl = baseUrl;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    return REGISTRATION_ID.equals(registrationId) ? registration() : null;
  }

  @Override
  public Iterator<ClientRegistration> iterator() {
    return List.of(registration()).iterator();
  }

  private ClientRegistration registration() {
    String base = baseUrl.get();
    return ClientRegistration.withRegistrationId(REGISTRATION_ID)
        .clientName("Backforge development issuer")
        .clientId(properties.webClientId())
        .clientSecret(properties.webClientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
        .authorizationUri(base + "/oauth2/authorize")
        .tokenUri(base + "/oauth2/token")
        .jwkSetUri(base + "/oauth2/jwks")
        .issuerUri(properties.issuer())
        .userNameAttributeName(IdTokenClaimNames.SUB)
        .build();
  }
}
