package io.backforge.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in issuer ({@code backforge.issuer.*}): an OAuth2 authorization server inside the
 * application with accounts in PostgreSQL. On by default in the {@code dev} profile, and turned on
 * in production with {@code BACKFORGE_ISSUER_ENABLED=true} and a signing key.
 *
 * @param enabled whether the issuer runs; off, configure an external OIDC issuer instead
 * @param issuer the {@code iss} of its tokens, its public base URL; tokens with another are refused
 * @param signingKey the RSA private key that signs tokens (PKCS#8 PEM); without it a key is made at
 *     each start, which production mode refuses
 * @param accessTokenTtl how long access tokens of personal credentials and the pages live
 * @param statusCache how long whether an account or credential still works is remembered
 * @param signupEnabled whether anyone may sign up at {@code /signup}
 * @param adminEmail the first admin: the account with this email is made {@code ADMIN} at start
 * @param adminPassword with {@code adminEmail}: the password it is created with when it is missing
 * @param webClientId the client id the pages sign in with
 * @param webClientSecret its secret; made at each start when empty (the pages and the issuer are
 *     one application)
 * @param maxFailuresPerAccount failed sign-ins to one account within {@code failureWindow} before
 *     it is refused for the rest of the window
 * @param maxFailuresPerAddress failed sign-ins from one client address within {@code failureWindow}
 * @param failureWindow the sliding window failed sign-ins are counted in
 */
@ConfigurationProperties("backforge.issuer")
public record IssuerProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("http://localhost:8080") String issuer,
    String signingKey,
    @DefaultValue("15m") Duration accessTokenTtl,
    @DefaultValue("5s") Duration statusCache,
    @DefaultValue("true") boolean signupEnabled,
    String adminEmail,
    String adminPassword,
    @DefaultValue("backforge-web") String webClientId,
    String webClientSecret,
    @DefaultValue("5") int maxFailuresPerAccount,
    @DefaultValue("20") int maxFailuresPerAddress,
    @DefaultValue("15m") Duration failureWindow) {}
