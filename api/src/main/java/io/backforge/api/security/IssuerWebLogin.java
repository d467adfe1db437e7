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
 * The pages' sign-in registration against the built-in issuer in the same application. The browser
 * is sent to the authorization endpoint on the host it already talks to (a relative URI); the code
 * is exchanged and the keys read on the port the server actually listens on, so the registration is
 * built when asked for and no discovery call is made at start-up, when nothing listens yet.
 */
final class IssuerWebLogin implements ClientRegistrationRepository, Iterable<ClientRegistration> {

  /** The registration id, also the last segment of the redirect URI. */
  static final String REGISTRATION_ID = "backforge";

  private final IssuerProperties properties;
  private final String webClientSecret;
  private final Supplier<String> baseUrl;

  IssuerWebLogin(IssuerProperties properties, String webClientSecret, Supplier<String> baseUrl) {
    this.properties = properties;
    this.webClientSecret = webClientSecret;
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
        .clientName("Backforge")
        .clientId(properties.webClientId())
        .clientSecret(webClientSecret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
        .authorizationUri("/oauth2/authorize")
        .tokenUri(base + "/oauth2/token")
        .jwkSetUri(base + "/oauth2/jwks")
        .issuerUri(properties.issuer())
        .userNameAttributeName(IdTokenClaimNames.SUB)
        .build();
  }
}
