package io.backforge.api.security;

import io.backforge.api.account.AccountStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a disabled account out of the pages on its next request: the session (the pages' and the
 * issuer's sign-in both) ends and the browser goes to the sign-in page, which says why.
 */
final class AccountCheckFilter extends OncePerRequestFilter {

  private final AccountStatus status;

  AccountCheckFilter(AccountStatus status) {
    this.status = status;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof OidcUser user
        && disabled(user.getSubject())) {
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(
          request.getContextPath() + IssuerConfiguration.SIGN_IN_PAGE + "?disabled");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean disabled(String subject) {
    try {
      return subject != null && subject.length() == 36 && !status.enabled(UUID.fromString(subject));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
