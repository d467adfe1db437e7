package io.backforge.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in form post, before the password is looked at, while its account or client
 * address has too many recent failures; the sign-in page then says how long to wait.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;
  private final String signInPage;

  SignInThrottleFilter(SignInThrottle throttle, String signInPage) {
    this.throttle = throttle;
    this.signInPage = signInPage;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod())
        && signInPage.equals(
            request.getRequestURI().substring(request.getContextPath().length()))) {
      Duration wait =
          throttle.refusedFor(request.getParameter("username"), request.getRemoteAddr());
      if (!wait.isZero() && !wait.isNegative()) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        response.sendRedirect(request.getContextPath() + signInPage + "?locked=" + minutes);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
