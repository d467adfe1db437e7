package io.backforge.api.web;

import io.backforge.api.security.IssuerProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page who is signed in and what they may reach, for the header. */
@ControllerAdvice(basePackageClasses = SignedInUser.class)
class SignedInUser {

  private final IssuerProperties issuer;

  SignedInUser(IssuerProperties issuer) {
    this.issuer = issuer;
  }

  @ModelAttribute("user")
  String user(Authentication authentication) {
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return Owner.label(authentication);
  }

  /** Whether the header links to the users' administration. */
  @ModelAttribute("admin")
  boolean admin(Authentication authentication) {
    return Owner.admin(authentication);
  }

  /** Whether accounts are built in (and so the header links to API credentials). */
  @ModelAttribute("accounts")
  boolean accounts() {
    return issuer.enabled();
  }
}
