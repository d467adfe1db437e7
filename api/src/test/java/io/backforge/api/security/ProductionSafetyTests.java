package io.backforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backforge.api.BackforgeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafetyTests {

  private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @Test
  void developmentDefaultsAreEachNamed() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod", "dev");

    assertThat(ProductionSafety.problems(environment))
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("dev profile"))
        .anySatisfy(p -> assertThat(p).contains("ISSUER_URI"))
        .anySatisfy(p -> assertThat(p).contains("BACKFORGE_DB_PASSWORD"))
        .anySatisfy(p -> assertThat(p).contains("BACKFORGE_GIT_TOKEN_KEY"));
  }

  @Test
  void aProperProductionSetupHasNoProblems() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "https://login.example.org/realms/backforge")
            .withProperty("spring.datasource.password", "s3cret")
            .withProperty("backforge.git.token-key", KEY);
    environment.setActiveProfiles("prod");

    assertThat(ProductionSafety.problems(environment)).isEmpty();
  }

  @Test
  void thePlatformRefusesToStartInProductionModeWithDevelopmentDefaults() {
    SpringApplicationBuilder application =
        new SpringApplicationBuilder(BackforgeApplication.class)
            .profiles("prod")
            .properties(
                "server.port=0",
                "backforge.temporal.embedded=off",
                "backforge.roles=web",
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/backforge_test");

    assertThatThrownBy(application::run)
        .hasMessageContaining("Refusing to start in production mode")
        .hasMessageContaining("ISSUER_URI");
  }

  @Test
  void theBuiltInIssuerInProductionNeedsItsOwnSigningKeyAndNoDevelopmentWebSecret() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("backforge.issuer.enabled", "true")
            .withProperty("backforge.issuer.web-client-secret", "web-secret")
            .withProperty("spring.datasource.password", "s3cret")
            .withProperty("backforge.git.token-key", KEY);
    environment.setActiveProfiles("prod");

    assertThat(ProductionSafety.problems(environment))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("BACKFORGE_ISSUER_SIGNING_KEY"))
        .anySatisfy(p -> assertThat(p).contains("BACKFORGE_ISSUER_WEB_CLIENT_SECRET"));
  }

  @Test
  void theBuiltInIssuerWithItsOwnKeyNeedsNoExternalIssuer() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("backforge.issuer.enabled", "true")
            .withProperty("backforge.issuer.signing-key", "-----BEGIN PRIVATE KEY-----...")
            .withProperty("spring.datasource.password", "s3cret")
            .withProperty("backforge.git.token-key", KEY);
    environment.setActiveProfiles("prod");

    assertThat(ProductionSafety.problems(environment)).isEmpty();
  }
}
