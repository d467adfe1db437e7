package com.example.library_service.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues the HS256 access tokens the API accepts (see {@link SecurityConfig}). */
@Service
public class TokenService {

  private final JwtEncoder encoder;
  private final long ttlMinutes;
  private final String issuer;

  TokenService(
      JwtEncoder encoder,
      @Value("${app.jwt.ttl-minutes}") long ttlMinutes,
      @Value("${app.jwt.issuer}") String issuer) {
    this.encoder = encoder;
    this.ttlMinutes = ttlMinutes;
    this.issuer = issuer;
  }

  /** A signed access token whose subject is the account id. */
  public String issue(long accountId, String email) {
    Instant now = Instant.now();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject(Long.toString(accountId))
            .issuedAt(now)
            .expiresAt(now.plus(ttlMinutes, ChronoUnit.MINUTES))
            .claim("email", email)
            .build();
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  /** Seconds a new token is valid. */
  public long ttlSeconds() {
    return ttlMinutes * 60;
  }
}
