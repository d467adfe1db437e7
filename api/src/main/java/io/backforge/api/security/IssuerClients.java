package io.backforge.api.security;

import io.backforge.api.account.Credential;
import io.backforge.api.account.CredentialStore;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The built-in issuer's clients: the pages' client (authorization code with PKCE), whose redirect
 * URIs name the port the server actually listens on (random in tests), so it is built when asked
 * for; in the {@code dev} profile the scripts' development client; and every user's personal API
 * credentials from PostgreSQL, each a client-credentials client that carries its user's id in the
 * client setting {@link #USER_SETTING}.
 */
final class IssuerClients implements RegisteredClientRepository {

  /** The client setting that names the account a personal credential acts as. */
  static final String USER_SETTING = "backforge.user";

  private final Optional<RegisteredClient> devScripts;
  private final CredentialStore credentials;
  private final IssuerProperties properties;
  private final String encodedWebSecret;
  private final Supplier<String> baseUrl;

  IssuerClients(
      Optional<RegisteredClient> devScripts,
      CredentialStore credentials,
      IssuerProperties properties,
      String encodedWebSecret,
      Supplier<String> baseUrl) {
    this.devScripts = devScripts;
    this.credentials = credentials;
    this.properties = properties;
    this.encodedWebSecret = encodedWebSecret;
    this.baseUrl = baseUrl;
  }

  /**
   * Ignored: clients are made on the API credentials page. The authorization server calls this only
   * to store a secret re-encoded with a newer default encoder; the old hash keeps working.
   */
  @Override
  public void save(RegisteredClient registeredClient) {}

  @Override
  public RegisteredClient findById(String id) {
    if (devScripts.isPresent() && devScripts.get().getId().equals(id)) {
      return devScripts.get();
    }
    RegisteredClient web = web();
    if (web.getId().equals(id)) {
      return web;
    }
    return uuid(id)
        .flatMap(credentials::find)
        .filter(Credential::active)
        .map(this::personal)
        .orElse(null);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    if (devScripts.isPresent() && devScripts.get().getClientId().equals(clientId)) {
      return devScripts.get();
    }
    if (properties.webClientId().equals(clientId)) {
      return web();
    }
    return credentials
        .findByClientId(clientId)
        .filter(Credential::active)
        .map(this::personal)
        .orElse(null);
  }

  private RegisteredClient personal(Credential credential) {
    return RegisteredClient.withId(credential.id().toString())
        .clientId(credential.clientId())
        .clientName(credential.name())
        .clientSecret(credential.secretHash())
        .clientIdIssuedAt(credential.createdAt())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope("projects")
        .clientSettings(
            ClientSettings.builder().setting(USER_SETTING, credential.userId().toString()).build())
        .tokenSettings(tokens(properties.accessTokenTtl()))
        .build();
  }

  private RegisteredClient web() {
    String callback = "/login/oauth2/code/" + IssuerWebLogin.REGISTRATION_ID;
    Set<String> bases = new LinkedHashSet<>();
    String base = baseUrl.get();
    bases.add(base);
    bases.add(base.replace("localhost", "127.0.0.1"));
    bases.add(strip(properties.issuer()));
    RegisteredClient.Builder web =
        RegisteredClient.withId(
                UUID.nameUUIDFromBytes(properties.webClientId().getBytes()).toString())
            .clientId(properties.webClientId())
            .clientSecret(encodedWebSecret)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.PROFILE)
            .tokenSettings(tokens(properties.accessTokenTtl()))
            .clientSettings(
                ClientSettings.builder()
                    .requireProofKey(true)
                    .requireAuthorizationConsent(false)
                    .build());
    for (String each : bases) {
      web.redirectUri(each + callback).postLogoutRedirectUri(each + "/");
    }
    return web.build();
  }

  static TokenSettings tokens(Duration ttl) {
    return TokenSettings.builder().accessTokenTimeToLive(ttl).build();
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Optional<UUID> uuid(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
