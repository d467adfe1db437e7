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
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The development token issuer, only in the {@code dev} profile: the authorization server's
 * endpoints ({@code /oauth2/token}, {@code /oauth2/authorize}, {@code /oauth2/jwks}, OIDC metadata)
 * and its sign-in form in their own filter chain, a client-credentials client for scripts, a web
 * client the pages sign in with (authorization code with PKCE), one development user, and an RSA
 * key generated at each start. The same application's resource server decodes its tokens with that
 * key directly, without calling itself over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Profile("dev")
@ConditionalOnProperty(
    name = "backforge.dev-issuer.enabled",
    havingValue = "true",
    matchIfMissing = true)
class DevIssuerConfiguration {

  static final String LOGIN_PAGE = "/dev-issuer/login";

  private static final Logger log = LoggerFactory.getLogger(DevIssuerConfiguration.class);

  private final DevIssuerProperties properties;

  DevIssuerConfiguration(DevIssuerProperties properties) {
    this.properties = properties;
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    RequestMatcher endpoints = server.getEndpointsMatcher();
    RequestMatcher loginPage = PathPatternRequestMatcher.withDefaults().matcher(LOGIN_PAGE);
    // The issuer keeps its own signed-in user and saved request in the session, apart from the
    // pages' OAuth2 login, as it would if it ran as its own application.
    HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    contexts.setSpringSecurityContextKey("BACKFORGE_DEV_ISSUER_SECURITY_CONTEXT");
    HttpSessionRequestCache requests = new HttpSessionRequestCache();
    requests.setSessionAttrName("BACKFORGE_DEV_ISSUER_SAVED_REQUEST");
    http.securityMatcher(new OrRequestMatcher(endpoints, loginPage))
        .with(server, issuer -> issuer.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(
            authorize ->
                authorize.requestMatchers(loginPage).permitAll().anyRequest().authenticated())
        .securityContext(context -> context.securityContextRepository(contexts))
        .requestCache(cache -> cache.requestCache(requests))
        .formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll())
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                    new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
        .csrf(csrf -> csrf.ignoringRequestMatchers(endpoints));
    return http.build();
  }

  @Bean
  UserDetailsService devUser() {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    return new InMemoryUserDetailsManager(
        User.withUsername(properties.user())
            .password(encoder.encode(properties.password()))
            .roles("USER")
            .build());
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(Environment environment) {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    RegisteredClient scripts =
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
    return new DevClients(
        scripts,
        properties,
        encoder.encode(properties.webClientSecret()),
        () -> LocalServer.baseUrl(environment));
  }

  @Bean
  ClientRegistrationRepository devWebLogin(Environment environment) {
    return new DevWebLogin(properties, () -> LocalServer.baseUrl(environment));
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
    log.warn(
        "Web pages sign in through the development issuer as user '{}' with password '{}'",
        properties.user(),
        properties.password());
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
