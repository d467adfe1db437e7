package io.backforge.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * In production mode (profile {@code prod}) the platform refuses to start with development
 * defaults: the {@code dev} profile (its client and user with well-known secrets), neither an
 * external OIDC issuer nor the built-in one, the built-in issuer without its own signing key or
 * with the development web client secret, or an empty database password. Checked as soon as the
 * environment is known, before anything starts.
 */
public class ProductionSafety implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    Environment environment = event.getEnvironment();
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start in production mode: " + String.join("; ", problems));
    }
  }

  /** What makes {@code environment} unfit for production, in words an operator can act on. */
  static List<String> problems(Environment environment) {
    List<String> problems = new ArrayList<>();
    if (environment.acceptsProfiles(Profiles.of("dev"))) {
      problems.add(
          "the dev profile is active, which turns on the development token issuer with its"
              + " default client secret; remove 'dev' from SPRING_PROFILES_ACTIVE");
    }
    boolean builtIn = environment.getProperty("backforge.issuer.enabled", Boolean.class, false);
    if (builtIn) {
      if (blank(environment, "backforge.issuer.signing-key")) {
        problems.add(
            "the built-in issuer is on without a signing key, so it would sign tokens with a key"
                + " made at start; set BACKFORGE_ISSUER_SIGNING_KEY to a PKCS#8 PEM RSA key");
      }
      if ("web-secret".equals(environment.getProperty("backforge.issuer.web-client-secret"))) {
        problems.add(
            "the pages' client secret is the development default; unset"
                + " BACKFORGE_ISSUER_WEB_CLIENT_SECRET (a random one is made) or choose another");
      }
    } else if (blank(environment, "spring.security.oauth2.resourceserver.jwt.issuer-uri")
        && blank(environment, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri")) {
      problems.add(
          "no OIDC issuer is configured; set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI,"
              + " or turn on the built-in issuer with BACKFORGE_ISSUER_ENABLED=true");
    }
    if (blank(environment, "spring.datasource.password")) {
      problems.add("the database password is empty; set BACKFORGE_DB_PASSWORD");
    }
    if (blank(environment, "backforge.git.token-key")) {
      problems.add(
          "no key seals the HTTPS tokens of git pushes, so each process would make its own and a"
              + " worker could not open a token the web role stored; set BACKFORGE_GIT_TOKEN_KEY to"
              + " the Base64 of 32 random bytes (openssl rand -base64 32), the same in every"
              + " process");
    }
    return problems;
  }

  private static boolean blank(Environment environment, String property) {
    String value = environment.getProperty(property);
    return value == null || value.isBlank();
  }
}
