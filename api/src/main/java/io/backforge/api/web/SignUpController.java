package io.backforge.api.web;

import io.backforge.api.account.Accounts;
import io.backforge.api.security.IssuerProperties;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up with email and password at the built-in issuer; every problem is shown next to its field.
 * Not found when the built-in issuer is off or sign-up is turned off.
 */
@Controller
class SignUpController {

  private final Accounts accounts;
  private final IssuerProperties issuer;

  SignUpController(Accounts accounts, IssuerProperties issuer) {
    this.accounts = accounts;
    this.issuer = issuer;
  }

  @GetMapping("/signup")
  String form(Model model) {
    requireOpen();
    model.addAttribute("email", "");
    model.addAttribute("errors", Map.of());
    return "signup";
  }

  @PostMapping("/signup")
  String signUp(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      Model model) {
    requireOpen();
    Accounts.SignUp result = accounts.signUp(email, password);
    if (result.created()) {
      return "redirect:/signin?registered";
    }
    model.addAttribute("email", email.strip());
    model.addAttribute("errors", result.errors());
    return "signup";
  }

  private void requireOpen() {
    if (!issuer.enabled() || !issuer.signupEnabled()) {
      throw new PageNotFoundException();
    }
  }
}
