package io.backforge.api.security;

import io.backforge.api.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API is a stateless OAuth2 resource server: every {@code /api/**} call needs a valid JWT
 * (from the development issuer, or the OIDC issuer configured with {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri}). Errors are problem details. Pages sign in
 * with OAuth2 login and keep a session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(DevIssuerProperties.class)
class SecurityConfiguration {

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json) throws Exception {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
    http.securityMatcher("/api/**", "/actuator/metrics/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .oauth2ResourceServer(
            resource ->
                resource
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(
                        (request, response, e) -> {
                          bearer.commence(request, response, e);
                          write(response, json, Problems.unauthorized());
                        })
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          denied.handle(request, response, e);
                          write(
                              response,
                              json,
                              Problems.of(
                                  HttpStatus.FORBIDDEN,
                                  "forbidden",
                                  "Forbidden",
                                  "The token does not allow this."));
                        }));
    return http.build();
  }

  /**
   * Pages: the dashboard, the wizard and project pages need a signed-in user (OAuth2 login with
   * PKCE against the configured issuer, a session afterwards); everything else is public. Without
   * any client registration, signed-in pages are refused.
   */
  @Bean
  @Order(3)
  SecurityFilterChain pageChain(
      HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations)
      throws Exception {
    http.authorizeHttpRequests(
        requests ->
            requests
                .requestMatchers("/projects/**", "/wizard/**")
                .authenticated()
                .anyRequest()
                .permitAll());
    ClientRegistrationRepository repository = registrations.getIfAvailable();
    if (repository != null) {
      DefaultOAuth2AuthorizationRequestResolver resolver =
          new DefaultOAuth2AuthorizationRequestResolver(repository, "/oauth2/authorization");
      resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
      http.oauth2Login(
          login ->
              login
                  .clientRegistrationRepository(repository)
                  .authorizationEndpoint(
                      endpoint -> endpoint.authorizationRequestResolver(resolver)));
    } else {
      http.exceptionHandling(
          exceptions -> exceptions.authenticationEntryPoint(new Http403ForbiddenEntryPoint()));
    }
    http.logout(logout -> logout.logoutSuccessUrl("/"));
    return http.build();
  }

  private static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
