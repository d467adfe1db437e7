package io.backforge.api.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The development token issuer, only in the {@code dev} profile: the authorization server's
 * endpoints ({@code /oauth2/token}, {@code /oauth2/jwks}, metadata) in their own filter chain, one
 * client-credentials client, and an RSA key generated at each start. The same application's
 * resource server decodes its tokens with that key directly, without calling itself over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Profile("dev")
@ConditionalOnProperty(
    name = "backforge.dev-issuer.enabled",
    havingValue = "true",
    matchIfMissing = true)
class DevIssuerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DevIssuerConfiguration.class);

  private final DevIssuerProperties properties;

  DevIssuerConfiguration(DevIssuerProperties properties) {
    this.properties = properties;
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(server, Customizer.withDefaults())
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
    return http.build();
  }

  @Bean
  RegisteredClientRepository registeredClientRepository() {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    RegisteredClient client =
        RegisteredClient.withId(UUID.nameUUIDFromBytes(properties.clientId().getBytes()).toString())
            .clientId(properties.clientId())
            .clientSecret(encoder.encode(properties.clientSecret()))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope("projects")
            .tokenSettings(
                TokenSettings.builder().accessTokenTimeToLive(properties.tokenTtl()).build())
            .build();
    return new InMemoryRegisteredClientRepository(client);
  }

  @Bean
  JWKSource<SecurityContext> jwkSource() {
    KeyPair keys = generateRsaKey();
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) keys.getPublic())
            .privateKey((RSAPrivateKey) keys.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
    return decoder;
  }

  @Bean
  JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
    return new NimbusJwtEncoder(jwkSource);
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    log.warn(
        "Development token issuer is ON (turn it off in production with"
            + " BACKFORGE_DEV_ISSUER_ENABLED=false): client id '{}', client secret '{}'",
        properties.clientId(),
        properties.clientSecret());
  }

  private static KeyPair generateRsaKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }
}
