package io.backforge.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * The API's audience ({@code backforge.security.audience}): when set, the API accepts only tokens
 * whose {@code aud} contains it (anything else is {@code 401}), and the built-in issuer adds it to
 * the {@code aud} of every token it signs. It decorates whichever {@link JwtDecoder} is in use (the
 * built-in issuer's or the one Spring Boot builds for an OIDC issuer) and the issuer's {@link
 * JwtEncoder}, so it works the same in every mode and needs no change to either.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = AudienceConfiguration.PROPERTY)
class AudienceConfiguration {

  static final String PROPERTY = "backforge.security.audience";

  @Bean
  static BeanPostProcessor audienceOnTokens(Environment environment) {
    String audience = environment.getRequiredProperty(PROPERTY);
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof JwtDecoder decoder) {
          return requiring(audience, decoder);
        }
        if (bean instanceof JwtEncoder encoder) {
          return adding(audience, encoder);
        }
        return bean;
      }
    };
  }

  static JwtDecoder requiring(String audience, JwtDecoder decoder) {
    return token -> {
      Jwt jwt = decoder.decode(token);
      List<String> audiences = jwt.getAudience();
      if (audiences == null || !audiences.contains(audience)) {
        throw new BadJwtException("The token is not meant for this API (audience)");
      }
      return jwt;
    };
  }

  static JwtEncoder adding(String audience, JwtEncoder encoder) {
    return parameters -> {
      JwtClaimsSet claims = parameters.getClaims();
      List<String> audiences =
          claims.getAudience() == null ? new ArrayList<>() : new ArrayList<>(claims.getAudience());
      if (audiences.contains(audience)) {
        return encoder.encode(parameters);
      }
      audiences.add(audience);
      JwtClaimsSet withAudience = JwtClaimsSet.from(claims).audience(audiences).build();
      return encoder.encode(
          parameters.getJwsHeader() == null
              ? JwtEncoderParameters.from(withAudience)
              : JwtEncoderParameters.from(parameters.getJwsHeader(), withAudience));
    };
  }
}
