package io.backforge.api.security;

import io.backforge.api.account.Accounts;
import io.backforge.api.account.Role;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * What the built-in issuer adds in the {@code dev} profile only: the scripts' client {@code
 * dev-client} with its well-known secret (its tokens' {@code sub} is the client id), and the
 * development account ({@code dev@backforge.local}, signing in as {@code dev} too), made or reset
 * at each start. Both are printed at start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Profile("dev")
@ConditionalOnProperty(name = "backforge.issuer.enabled", havingValue = "true")
class DevIssuerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DevIssuerConfiguration.class);

  private final DevIssuerProperties properties;

  DevIssuerConfiguration(DevIssuerProperties properties) {
    this.properties = properties;
  }

  @Bean
  DevScriptsClient devScriptsClient() {
    return new DevScriptsClient(
        RegisteredClient.withId(UUID.nameUUIDFromBytes(properties.clientId().getBytes()).toString())
            .clientId(properties.clientId())
            // a documented, public development value, only ever in the dev profile: a hash of it
            // protects nothing and costs start-up time
            .clientSecret("{noop}" + properties.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope("projects")
            .tokenSettings(IssuerClients.tokens(properties.tokenTtl()))
            .build());
  }

  @Bean
  ApplicationRunner devAccount(Accounts accounts) {
    return arguments ->
        accounts.ensure(
            UUID.nameUUIDFromBytes(properties.email().getBytes()),
            properties.email(),
            properties.password(),
            Role.USER,
            true,
            true);
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    log.warn(
        "Development token issuer is ON (the dev profile; never in production):"
            + " client id '{}', client secret '{}'",
        properties.clientId(),
        properties.clientSecret());
    log.warn(
        "Web pages sign in as user '{}' ({}) with password '{}', or sign up at /signup",
        properties.user(),
        properties.email(),
        properties.password());
  }
}
