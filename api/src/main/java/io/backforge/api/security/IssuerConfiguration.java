package io.backforge.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.backforge.api.account.AccountStatus;
import io.backforge.api.account.AccountStore;
import io.backforge.api.account.Accounts;
import io.backforge.api.account.CredentialStore;
import io.backforge.api.account.Role;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The built-in issuer ({@code backforge.issuer.enabled}, on in the {@code dev} profile): the
 * authorization server's endpoints ({@code /oauth2/token}, {@code /oauth2/authorize}, {@code
 * /oauth2/jwks}, OIDC metadata and logout) and its sign-in form in their own filter chain, with the
 * accounts in PostgreSQL, the pages' client, personal API credentials, and the key that signs
 * tokens (from {@code BACKFORGE_ISSUER_SIGNING_KEY}, or made at each start). The same application's
 * resource server decodes its tokens with that key directly, and refuses tokens of disabled
 * accounts and revoked credentials.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "backforge.issuer.enabled", havingValue = "true")
class IssuerConfiguration {

  static final String SIGN_IN_PAGE = "/signin";

  /** The session attribute that holds who is signed in to the issuer (not to the pages). */
  static final String ISSUER_CONTEXT = "BACKFORGE_ISSUER_SECURITY_CONTEXT";

  private final IssuerProperties properties;
  private final String webSecret;

  IssuerConfiguration(IssuerProperties properties) {
    this.properties = properties;
    String configured = properties.webClientSecret();
    if (configured == null || configured.isBlank()) {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      configured = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    this.webSecret = configured;
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(HttpSecurity http, SignInThrottle throttle)
      throws Exception {
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    RequestMatcher endpoints = server.getEndpointsMatcher();
    RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(SIGN_IN_PAGE);
    // The issuer keeps its own signed-in user and saved request in the session, apart from the
    // pages' OAuth2 login, as it would if it ran as its own application.
    HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    contexts.setSpringSecurityContextKey(ISSUER_CONTEXT);
    HttpSessionRequestCache requests = new HttpSessionRequestCache();
    requests.setSessionAttrName("BACKFORGE_ISSUER_SAVED_REQUEST");
    SavedRequestAwareAuthenticationSuccessHandler saved =
        new SavedRequestAwareAuthenticationSuccessHandler();
    saved.setRequestCache(requests);
    saved.setDefaultTargetUrl("/projects");
    http.securityMatcher(new OrRequestMatcher(endpoints, signIn))
        .with(server, issuer -> issuer.oidc(oidc -> {}))
        .authorizeHttpRequests(
            authorize -> authorize.requestMatchers(signIn).permitAll().anyRequest().authenticated())
        .securityContext(context -> context.securityContextRepository(contexts))
        .requestCache(cache -> cache.requestCache(requests))
        .formLogin(
            form ->
                form.loginPage(SIGN_IN_PAGE)
                    .permitAll()
                    .successHandler(
                        (request, response, authentication) -> {
                          throttle.succeeded(request.getParameter("username"));
                          saved.onAuthenticationSuccess(request, response, authentication);
                        })
                    .failureHandler(
                        (request, response, e) -> {
                          throttle.failed(
                              request.getParameter("username"), request.getRemoteAddr());
                          response.sendRedirect(request.getContextPath() + SIGN_IN_PAGE + "?error");
                        }))
        .addFilterBefore(
            new SignInThrottleFilter(throttle, SIGN_IN_PAGE),
            UsernamePasswordAuthenticationFilter.class)
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE),
                    new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .oauth2ResourceServer(resource -> resource.jwt(jwt -> {}))
        .csrf(csrf -> csrf.ignoringRequestMatchers(endpoints));
    return http.build();
  }

  @Bean
  SignInThrottle signInThrottle() {
    return new SignInThrottle(
        properties.maxFailuresPerAccount(),
        properties.maxFailuresPerAddress(),
        properties.failureWindow(),
        Clock.systemUTC());
  }

  @Bean
  UserDetailsService accountUsers(
      AccountStore accounts, Environment environment, DevIssuerProperties dev) {
    Map<String, String> aliases =
        environment.acceptsProfiles(Profiles.of("dev")) && !dev.user().contains("@")
            ? Map.of(dev.user(), dev.email())
            : Map.of();
    return new AccountUsers(accounts, aliases);
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(
      CredentialStore credentials,
      Environment environment,
      ObjectProvider<DevScriptsClient> devScripts) {
    return new IssuerClients(
        Optional.ofNullable(devScripts.getIfAvailable()).map(DevScriptsClient::client),
        credentials,
        properties,
        // The web client's secret lives in this process's memory in plain text anyway (it is
        // random per start unless configured), so hashing it here would only slow the start.
        "{noop}" + webSecret,
        () -> LocalServer.baseUrl(environment));
  }

  @Bean
  ClientRegistrationRepository issuerWebLogin(Environment environment) {
    return new IssuerWebLogin(properties, webSecret, () -> LocalServer.baseUrl(environment));
  }

  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new IssuerAuthorizations();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(AccountStore accounts) {
    return new TokenClaims(accounts);
  }

  /**
   * The issuer's signing key. A configured key is read now (a bad one stops the start); without
   * one, the key made for this run is generated on another thread while the rest of the application
   * starts (2048-bit RSA key generation is a few hundred milliseconds of one core) and the first
   * token waits for it.
   */
  @Bean
  JWKSource<SecurityContext> jwkSource() {
    String pem = properties.signingKey();
    if (pem != null && !pem.isBlank()) {
      return new ImmutableJWKSet<>(new JWKSet(signingKey(pem)));
    }
    CompletableFuture<JWKSet> generated =
        CompletableFuture.supplyAsync(() -> new JWKSet(signingKey(null)));
    return (selector, context) -> selector.select(generated.join());
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, AccountStatus status) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuer()),
            new ActiveAccountValidator(status)));
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

  /** Makes the configured first admin, before the application takes requests. */
  @Bean
  ApplicationRunner firstAdmin(Accounts accounts) {
    return arguments -> {
      String email = properties.adminEmail();
      if (email != null && !email.isBlank()) {
        accounts.ensure(null, email.strip(), properties.adminPassword(), Role.ADMIN, false, false);
      }
    };
  }

  /**
   * The configured PKCS#8 PEM RSA private key, or a key made now when none is configured (tokens
   * then stop working at each restart, which only development accepts).
   */
  static RSAKey signingKey(String pem) {
    try {
      RSAPrivateKey privateKey;
      RSAPublicKey publicKey;
      if (pem == null || pem.isBlank()) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        privateKey = (RSAPrivateKey) keys.getPrivate();
        publicKey = (RSAPublicKey) keys.getPublic();
      } else {
        String body =
            pem.replaceAll("-----(BEGIN|END) (RSA )?PRIVATE KEY-----", "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey crt =
            (RSAPrivateCrtKey)
                factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        privateKey = crt;
        publicKey =
            (RSAPublicKey)
                factory.generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
      }
      RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
      return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
    } catch (java.security.GeneralSecurityException | JOSEException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "BACKFORGE_ISSUER_SIGNING_KEY is not an RSA private key in PKCS#8 PEM"
              + " (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)",
          e);
    }
  }
}
