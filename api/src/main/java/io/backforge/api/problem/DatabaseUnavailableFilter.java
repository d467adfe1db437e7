package io.backforge.api.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code 503} ({@code /problems/unavailable}, {@code Retry-After}) for a request that
 * failed because PostgreSQL cannot be reached, wherever it failed: the REST controllers already
 * answer so through {@link ProblemHandler}, but the token endpoint, the sign-in and the security
 * filters read accounts and credentials outside any controller, where the failure would otherwise
 * end as a {@code 500}. Runs before Spring Security's filters.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final JsonMapper json;

  DatabaseUnavailableFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (!databaseUnreachable(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unavailable during {}: {}", request.getRequestURI(), e.getMessage());
      ProblemDetail problem =
          Problems.unavailable(
              "The database is unavailable; nothing was changed. Try again shortly.");
      response.resetBuffer();
      response.setStatus(problem.getStatus());
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
    }
  }

  /** Whether {@code e} or one of its causes says the database cannot be reached now. */
  static boolean databaseUnreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessException
          || cause instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  /** Registers the filter ahead of Spring Security's. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication
  static class Registration {

    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(JsonMapper json) {
      FilterRegistrationBean<DatabaseUnavailableFilter> registration =
          new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }
}
