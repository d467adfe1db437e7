package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class SecurityIntegrationTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired TestTokens tokens;

  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void requestWithoutTokenIsUnauthorizedWithAProblem() {
    HttpResponse<String> response = api.get("/api/projects", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    assertThat(ApiClient.json(response.body()).get("type").asString())
        .isEqualTo("/problems/unauthorized");
  }

  @Test
  void tokenSignedByAnotherKeyIsUnauthorized() throws JOSEException {
    RSAKey foreignKey = new RSAKeyGenerator(2048).keyID("foreign").generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(),
            new JWTClaimsSet.Builder()
                .subject("dev-client")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    jwt.sign(new RSASSASigner(foreignKey));

    assertThat(api.get("/api/projects", jwt.serialize()).statusCode()).isEqualTo(401);
  }

  @Test
  void expiredTokenIsUnauthorized() {
    String expired =
        tokens.issue("dev-client", Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5));

    assertThat(api.get("/api/projects", expired).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenExpiredLongerAgoThanTheClockSkewIsUnauthorizedAndOneJustExpiredIsNot() {
    Instant now = Instant.now();
    String expiredHalfAMinuteAgo =
        tokens.issue("dev-client", now.minus(Duration.ofMinutes(5)), Duration.ofSeconds(270));
    String expiredASecondAgo =
        tokens.issue("dev-client", now.minus(Duration.ofMinutes(5)), Duration.ofSeconds(299));

    assertThat(api.get("/api/projects", expiredHalfAMinuteAgo).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/projects", expiredASecondAgo).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAreForAdminsOnly() {
    assertThat(api.get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/actuator/metrics", tokens.withRoles("metrics-user", "USER")).statusCode())
        .isEqualTo(403);
    assertThat(
            api.get("/actuator/metrics", tokens.withRoles("metrics-admin", "ADMIN")).statusCode())
        .isEqualTo(200);
    assertThat(api.get("/actuator/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void tokenFromAnotherIssuerIsUnauthorized() {
    String foreign =
        tokens.issue(
            "dev-client", "https://issuer.example.org", Instant.now(), Duration.ofMinutes(5));

    assertThat(api.get("/api/projects", foreign).statusCode()).isEqualTo(401);
  }

  @Test
  void theDevelopmentIssuerStampsItsIssuer() throws java.text.ParseException {
    String token = api.devToken("dev-client", "dev-secret");

    assertThat(com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getIssuer())
        .isEqualTo("http://localhost:8080");
  }

  @Test
  void garbageTokenIsUnauthorized() {
    assertThat(api.get("/api/projects", "not-a-jwt").statusCode()).isEqualTo(401);
  }

  @Test
  void tokenFromTheDevelopmentIssuerIsAccepted() {
    String token = api.devToken("dev-client", "dev-secret");

    assertThat(api.get("/api/projects", token).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongClientSecretGetsNoToken() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> api.devToken("dev-client", "wrong-secret"))
        .hasMessageContaining("token request failed");
  }
}
