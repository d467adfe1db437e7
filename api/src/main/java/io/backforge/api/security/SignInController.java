package io.backforge.api.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The built-in issuer's sign-in form. */
@Controller
@ConditionalOnProperty(name = "backforge.issuer.enabled", havingValue = "true")
class SignInController {

  private final IssuerProperties properties;
  private final boolean development;

  SignInController(IssuerProperties properties, Environment environment) {
    this.properties = properties;
    this.development = environment.acceptsProfiles(Profiles.of("dev"));
  }

  @GetMapping(IssuerConfiguration.SIGN_IN_PAGE)
  String signIn(Model model) {
    model.addAttribute("signupEnabled", properties.signupEnabled());
    model.addAttribute("development", development);
    return "signin";
  }
}
