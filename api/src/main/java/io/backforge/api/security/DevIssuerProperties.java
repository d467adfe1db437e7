package io.backforge.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development token issuer ({@code backforge.dev-issuer.*}): an OAuth2 authorization server
 * inside the application that hands out tokens for the client-credentials grant to scripts, and
 * signs people in to the web pages (authorization code with PKCE) with one development user.
 *
 * @param enabled whether the issuer runs (only ever in the {@code dev} profile); in production
 *     configure an OIDC issuer instead
 * @param issuer the {@code iss} of its tokens; tokens with another issuer are refused
 * @param clientId the client id scripts use at {@code /oauth2/token}
 * @param clientSecret its secret
 * @param tokenTtl how long access tokens live
 * @param user the development user's name, which is also its {@code sub}
 * @param password the development user's password
 * @param webClientId the client id the web pages sign in with
 * @param webClientSecret its secret
 */
@ConfigurationProperties("backforge.dev-issuer")
public record DevIssuerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("http://localhost:8080") String issuer,
    @DefaultValue("dev-client") String clientId,
    @DefaultValue("dev-secret") String clientSecret,
    @DefaultValue("1h") Duration tokenTtl,
    @DefaultValue("dev") String user,
    @DefaultValue("dev-password") String password,
    @DefaultValue("backforge-web") String webClientId,
    @DefaultValue("web-secret") String webClientSecret) {}
