package com.example.shop_backend.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: {@code /auth/**}, health, the OpenAPI document and its Swagger UI
 * are open, everything else needs an HS256 JWT signed with {@code app.jwt.secret}. A missing or bad
 * token answers 401 as a problem detail.
 */
@Configuration
class SecurityConfig {

  private static final String UNAUTHORIZED =
      "{\"type\":\"/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
          + "\"detail\":\"A valid bearer token is required.\"}";

  @Bean
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          response.setStatus(401);
          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
          response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          response.getWriter().write(UNAUTHORIZED);
        };
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/auth/**",
                        "/actuator/health",
                        "/v3/api-docs",
                        "/swagger-ui.html",
                        "/webjars/swagger-ui/**",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
        .oauth2ResourceServer(
            oauth -> oauth.jwt(Customizer.withDefaults()).authenticationEntryPoint(unauthorized));
    return http.build();
  }

  @Bean
  SecretKey jwtKey(@Value("${app.jwt.secret}") String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      throw new IllegalStateException(
          "JWT_SECRET is "
              + (secret.isBlank() ? "not set" : "shorter than 32 bytes")
              + ": set it in the environment or in .env to a random value of at least 32 bytes,"
              + " for example: echo \"JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d"
              + " '\\n')\" >> .env");
    }
    return new SecretKeySpec(bytes, "HmacSHA256");
  }

  @Bean
  JwtDecoder jwtDecoder(SecretKey jwtKey) {
    return NimbusJwtDecoder.withSecretKey(jwtKey).macAlgorithm(MacAlgorithm.HS256).build();
  }

  @Bean
  JwtEncoder jwtEncoder(SecretKey jwtKey) {
    return new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(jwtKey));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
