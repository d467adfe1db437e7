package io.backforge.api.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The development issuer's sign-in form. */
@Controller
@Profile("dev")
@ConditionalOnProperty(
    name = "backforge.dev-issuer.enabled",
    havingValue = "true",
    matchIfMissing = true)
class DevIssuerLoginController {

  @GetMapping(DevIssuerConfiguration.LOGIN_PAGE)
  String login() {
    return "dev-issuer-login";
  }
}
