package io.backforge.api;

import io.backforge.api.security.IssuerProperties;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Tokens signed with the development issuer's own key, for subjects other than the dev client, as
 * another user's client would hold them. Only where the issuer runs: in a web context.
 */
@Component
@ConditionalOnWebApplication
public class TestTokens {

  private final JwtEncoder encoder;
  private final String issuer;

  TestTokens(JwtEncoder encoder, IssuerProperties properties) {
    this.encoder = encoder;
    this.issuer = properties.issuer();
  }

  /** A valid token for {@code subject}. */
  public String forSubject(String subject) {
    return issue(subject, Instant.now(), Duration.ofMinutes(5));
  }

  /** A token for {@code subject} valid from {@code issuedAt} for {@code ttl}. */
  public String issue(String subject, Instant issuedAt, Duration ttl) {
    return issue(subject, issuer, issuedAt, ttl);
  }

  /** A valid token for {@code subject} whose {@code roles} claim lists {@code roles}. */
  public String withRoles(String subject, String... roles) {
    Instant now = Instant.now();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject(subject)
            .issuedAt(now)
            .expiresAt(now.plus(Duration.ofMinutes(5)))
            .claim("roles", java.util.List.of(roles))
            .build();
    return encoder
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }

  /** A token for {@code subject} that claims to come from {@code issuer}. */
  public String issue(String subject, String issuer, Instant issuedAt, Duration ttl) {
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject(subject)
            .issuedAt(issuedAt)
            .expiresAt(issuedAt.plus(ttl))
            .build();
    return encoder
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }
}
