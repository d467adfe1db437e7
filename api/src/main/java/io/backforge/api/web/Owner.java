package io.backforge.api.web;

import io.backforge.api.account.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The owner of a signed-in page user's projects: the issuer's {@code sub}, so that projects made in
 * the pages and through the REST API with the same identity are the same.
 */
final class Owner {

  private Owner() {}

  /** Whether the signed-in user is an admin, who sees and cancels every project. */
  static boolean admin(Authentication authentication) {
    return authentication != null
        && authentication.getAuthorities().stream()
            .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
  }

  /** How the signed-in user is shown: the ID token's email when there is one, else the owner. */
  static String label(Authentication authentication) {
    if (authentication.getPrincipal() instanceof OidcUser oidc && oidc.getEmail() != null) {
      return oidc.getEmail();
    }
    return of(authentication);
  }

  static String of(Authentication authentication) {
    Object principal = authentication.getPrincipal();
    if (principal instanceof OidcUser oidc) {
      return oidc.getSubject();
    }
    if (principal instanceof OAuth2User user && user.getAttribute("sub") != null) {
      return String.valueOf((Object) user.getAttribute("sub"));
    }
    return authentication.getName();
  }
}
