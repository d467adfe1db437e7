package io.backforge.api.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The built-in issuer's sign-in form. */
@Controller
@ConditionalOnProperty(name = "backforge.issuer.enabled", havingValue = "true")
class SignInController {

  private final IssuerProperties properties;

  SignInController(IssuerProperties properties) {
    this.properties = properties;
  }

  @GetMapping(IssuerConfiguration.SIGN_IN_PAGE)
  String signIn(Model model) {
    model.addAttribute("signupEnabled", properties.signupEnabled());
    return "signin";
  }
}
