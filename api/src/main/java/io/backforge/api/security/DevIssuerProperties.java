package io.backforge.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the built-in issuer adds in the {@code dev} profile ({@code backforge.dev-issuer.*}): a
 * client-credentials client for scripts with a well-known secret, and a development account the
 * pages sign in with. Never in production mode.
 *
 * @param enabled whether the built-in issuer runs in the {@code dev} profile
 * @param clientId the client id scripts use at {@code /oauth2/token}; its tokens' {@code sub}
 * @param clientSecret its secret
 * @param tokenTtl how long its access tokens live
 * @param user the development user's sign-in name (an alias of {@link #email()})
 * @param password the development user's password
 */
@ConfigurationProperties("backforge.dev-issuer")
public record DevIssuerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("dev-client") String clientId,
    @DefaultValue("dev-secret") String clientSecret,
    @DefaultValue("1h") Duration tokenTtl,
    @DefaultValue("dev") String user,
    @DefaultValue("dev-password") String password) {

  /**
   * The development account's email: the user name, with {@code @backforge.local} if it has none.
   */
  public String email() {
    return user.contains("@") ? user : user + "@backforge.local";
  }
}
