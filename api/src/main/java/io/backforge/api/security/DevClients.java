package io.backforge.api.security;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * The development issuer's two clients: the scripts' client-credentials client, and the web pages'
 * client, whose redirect URIs name the port the server actually listens on (random in tests), so it
 * is built when asked for rather than at start-up.
 */
final class DevClients implements RegisteredClientRepository {

  private final RegisteredClient scripts;
  private final DevIssuerProperties properties;
  private final String encodedWebSecret;
  private final Supplier<String> baseUrl;

  DevClients(
      RegisteredClient scripts,
      DevIssuerProperties properties,
      String encodedWebSecret,
      Supplier<String> baseUrl) {
    this.scripts = scripts;
    this.properties = properties;
    this.encodedWebSecret = encodedWebSecret;
    this.baseUrl = baseUrl;
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("the development clients are fixed");
  }

  @Override
  public RegisteredClient findById(String id) {
    if (scripts.getId().equals(id)) {
      return scripts;
    }
    RegisteredClient web = web();
    return web.getId().equals(id) ? web : null;
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    if (scripts.getClientId().equals(clientId)) {
      return scripts;
    }
    return properties.webClientId().equals(clientId) ? web() : null;
  }

  private RegisteredClient web() {
    String base = baseUrl.get();
    String callback = "/login/oauth2/code/" + DevWebLogin.REGISTRATION_ID;
    return RegisteredClient.withId(
            UUID.nameUUIDFromBytes(properties.webClientId().getBytes()).toString())
        .clientId(properties.webClientId())
        .clientSecret(encodedWebSecret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri(base + callback)
        .redirectUri(base.replace("localhost", "127.0.0.1") + callback)
        .postLogoutRedirectUri(base + "/")
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(false)
                .build())
        .build();
  }
}
