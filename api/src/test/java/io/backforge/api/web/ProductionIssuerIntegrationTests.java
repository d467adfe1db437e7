package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.backforge.api.ApiClient;
import io.backforge.api.IntegrationTest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The built-in issuer in production mode: turned on by configuration with its own signing key, the
 * first admin from configuration, and none of the development profile's client and account.
 */
@ActiveProfiles(
    value = {"prod", "test"},
    inheritProfiles = false)
@TestPropertySource(
    properties = {
      "backforge.issuer.enabled=true",
      "backforge.git.token-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      "backforge.issuer.signing-key=replaced-by-the-test",
      "backforge.issuer.admin-email=" + ProductionIssuerIntegrationTests.ADMIN,
      "backforge.issuer.admin-password=" + ProductionIssuerIntegrationTests.ADMIN_PASSWORD,
      // Production mode wants a database password; the test server trusts local connections.
      "spring.datasource.password=unused-by-trust-auth"
    })
class ProductionIssuerIntegrationTests extends IntegrationTest {

  static final String ADMIN = "ops@example.org";
  static final String ADMIN_PASSWORD = "a long admin pass phrase";

  @LocalServerPort int port;

  /** The key made for this test, over the placeholder that production mode's check sees first. */
  @DynamicPropertySource
  static void signingKey(DynamicPropertyRegistry registry) {
    registry.add("backforge.issuer.signing-key", ProductionIssuerIntegrationTests::pem);
  }

  @Test
  void theConfiguredAdminSignsInAndManagesUsers() {
    WebSession admin = new WebSession(port);

    assertThat(admin.signIn(ADMIN, ADMIN_PASSWORD).path()).isEqualTo("/projects");
    assertThat(admin.get("/admin/users").body()).contains(ADMIN).contains("ADMIN");
  }

  @Test
  void theDevelopmentClientAndAccountDoNotExist() {
    assertThatThrownBy(() -> new ApiClient(port).devToken("dev-client", "dev-secret"))
        .hasMessageContaining("invalid_client");
    WebSession.Page page = new WebSession(port).signIn("dev", "dev-password");
    assertThat(page.path()).isEqualTo("/signin");
    assertThat(page.body()).contains("Wrong email or password").doesNotContain("dev-password");
  }

  @Test
  void tokensAreSignedWithTheConfiguredKey() throws Exception {
    String jwks = new ApiClient(port).get("/oauth2/jwks", null).body();

    assertThat(JWKSet.parse(jwks).getKeys())
        .singleElement()
        .satisfies(
            key ->
                assertThat(key.getKeyID())
                    .isEqualTo(
                        new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                            .build()
                            .computeThumbprint()
                            .toString()));
  }

  private static final KeyPair keys = generate();

  private static String pem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
