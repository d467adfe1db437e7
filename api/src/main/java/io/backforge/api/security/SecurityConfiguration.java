package io.backforge.api.security;

import io.backforge.api.account.AccountStatus;
import io.backforge.api.account.Role;
import io.backforge.api.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API is a stateless OAuth2 resource server: every {@code /api/**} call needs a valid JWT
 * (from the built-in issuer, or the OIDC issuer configured with {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri}); its {@code roles} claim becomes {@code
 * ROLE_x} authorities. Errors are problem details. Pages sign in with OAuth2 login and keep a
 * session; {@code /admin/**} needs the {@code ADMIN} role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties({DevIssuerProperties.class, IssuerProperties.class})
class SecurityConfiguration {

  /**
   * Token authorities: {@code SCOPE_x} for each scope, and {@code ROLE_x} for each entry of the
   * {@code roles} claim (the built-in issuer's; an external issuer can map its roles there too).
   */
  @Bean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(TokenClaims.ROLES);
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          List<GrantedAuthority> all = new ArrayList<>(scopes.convert(jwt));
          all.addAll(roles.convert(jwt));
          return all;
        });
    return converter;
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json) throws Exception {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
    http.securityMatcher("/api/**", "/actuator/metrics/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/metrics/**")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .authenticated())
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
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> registrations,
      IssuerProperties issuer,
      AccountStatus accounts)
      throws Exception {
    http.authorizeHttpRequests(
        requests ->
            requests
                .requestMatchers("/admin/**")
                .hasRole(Role.ADMIN.name())
                .requestMatchers("/projects/**", "/wizard/**", "/account/**")
                .authenticated()
                .anyRequest()
                .permitAll());
    if (issuer.enabled()) {
      http.addFilterBefore(new AccountCheckFilter(accounts), AuthorizationFilter.class);
    }
    ClientRegistrationRepository repository = registrations.getIfAvailable();
    if (repository != null) {
      DefaultOAuth2AuthorizationRequestResolver resolver =
          new DefaultOAuth2AuthorizationRequestResolver(repository, "/oauth2/authorization");
      resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
      http.oauth2Login(
          login ->
              login
                  .clientRegistrationRepository(repository)
                  .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(roles()))
                  .authorizationEndpoint(
                      endpoint -> endpoint.authorizationRequestResolver(resolver)));
    } else {
      http.exceptionHandling(
          exceptions -> exceptions.authenticationEntryPoint(new Http403ForbiddenEntryPoint()));
    }
    // Sign-out ends the session, which holds both the pages' sign-in and the built-in issuer's,
    // so the next sign-in asks for the password again. With an external OIDC provider that
    // announces an end_session_endpoint, the browser then signs out there too (RP-initiated
    // logout) and comes back to the home page.
    LogoutSuccessHandler afterLogout;
    if (repository != null) {
      OidcClientInitiatedLogoutSuccessHandler oidc =
          new OidcClientInitiatedLogoutSuccessHandler(repository);
      oidc.setPostLogoutRedirectUri("{baseUrl}/");
      oidc.setDefaultTargetUrl("/");
      afterLogout = oidc;
    } else {
      SimpleUrlLogoutSuccessHandler home = new SimpleUrlLogoutSuccessHandler();
      home.setDefaultTargetUrl("/");
      afterLogout = home;
    }
    http.logout(
        logout ->
            logout
                .invalidateHttpSession(true)
                .clearAuthentication(true)
                .deleteCookies("JSESSIONID")
                .logoutSuccessHandler(afterLogout));
    return http.build();
  }

  /** Page authorities: {@code ROLE_x} for each entry of the ID token's {@code roles} claim. */
  private static GrantedAuthoritiesMapper roles() {
    return authorities -> {
      Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          List<String> roles = oidc.getIdToken().getClaimAsStringList(TokenClaims.ROLES);
          if (roles != null) {
            roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
          }
        }
      }
      return mapped;
    };
  }

  private static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
