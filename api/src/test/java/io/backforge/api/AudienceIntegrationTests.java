package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.backforge.api.security.IssuerProperties;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = "backforge.security.audience=backforge-api")
class AudienceIntegrationTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired JWKSource<SecurityContext> keys;
  @Autowired IssuerProperties issuer;

  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void theDevelopmentIssuersTokensCarryTheAudienceAndAreAccepted() {
    String token = api.devToken("dev-client", "dev-secret");

    JsonNode claims =
        ApiClient.json(
            new String(
                Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    assertThat(claims.get("aud").toString()).contains("\"backforge-api\"");
    assertThat(api.get("/api/projects", token).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenWithoutAnAudienceIs401() {
    HttpResponse<String> response = api.get("/api/projects", signed(null));

    assertUnauthorized(response);
  }

  @Test
  void aTokenForAnotherAudienceIs401() {
    HttpResponse<String> response = api.get("/api/projects", signed(List.of("another-api")));

    assertUnauthorized(response);
  }

  @Test
  void aTokenWhoseAudiencesIncludeTheApiIsAccepted() {
    HttpResponse<String> response =
        api.get("/api/projects", signed(List.of("another-api", "backforge-api")));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(ApiClient.json(response.body()).get("type").asString())
        .isEqualTo("/problems/unauthorized");
  }

  /** Signed with the issuer's own key, valid in every way but its audience. */
  private String signed(List<String> audience) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(issuer.issuer())
            .subject("audience-alice")
            .issuedAt(now)
            .expiresAt(now.plus(Duration.ofMinutes(5)));
    if (audience != null) {
      claims.audience(audience);
    }
    return new NimbusJwtEncoder(keys)
        .encode(
            JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
        .getTokenValue();
  }
}
