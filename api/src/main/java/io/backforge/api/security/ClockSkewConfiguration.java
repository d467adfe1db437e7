package io.backforge.api.security;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * How far past its {@code exp} (or before its {@code nbf}) a token is still accepted: {@code
 * backforge.security.clock-skew}, 5 s by default, at most 60 s. Spring Security's decoders allow 60
 * s; this decorates whichever {@link JwtDecoder} is in use (the built-in issuer's or the one Spring
 * Boot builds for an OIDC issuer) with the stricter check, as {@link AudienceConfiguration} does
 * for the audience.
 */
@Configuration(proxyBeanMethods = false)
class ClockSkewConfiguration {

  static final String PROPERTY = "backforge.security.clock-skew";
  static final Duration DEFAULT = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofSeconds(60);

  @Bean
  static BeanPostProcessor clockSkewOnTokens(Environment environment) {
    Duration skew = skew(environment);
    OAuth2TokenValidator<Jwt> timestamps = new JwtTimestampValidator(skew);
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof JwtDecoder decoder ? checking(timestamps, decoder) : bean;
      }
    };
  }

  static Duration skew(Environment environment) {
    Duration skew = environment.getProperty(PROPERTY, Duration.class, DEFAULT);
    if (skew.isNegative() || skew.compareTo(MAX) > 0) {
      throw new IllegalStateException(
          PROPERTY
              + " (BACKFORGE_SECURITY_CLOCK_SKEW) is "
              + skew
              + "; set it between 0s and "
              + MAX.toSeconds()
              + "s");
    }
    return skew;
  }

  static JwtDecoder checking(OAuth2TokenValidator<Jwt> timestamps, JwtDecoder decoder) {
    return token -> {
      Jwt jwt = decoder.decode(token);
      OAuth2TokenValidatorResult result = timestamps.validate(jwt);
      if (result.hasErrors()) {
        throw new BadJwtException(result.getErrors().iterator().next().getDescription());
      }
      return jwt;
    };
  }
}
