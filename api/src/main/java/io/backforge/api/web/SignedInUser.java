package io.backforge.api.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page who is signed in, for the header. */
@ControllerAdvice(basePackageClasses = SignedInUser.class)
class SignedInUser {

  @ModelAttribute("user")
  String user(Authentication authentication) {
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return Owner.of(authentication);
  }
}
