package io.backforge.api.web;

import io.backforge.api.account.Accounts;
import io.backforge.api.security.IssuerProperties;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's personal API credentials: create one (its secret is shown once, in the
 * answer to the create), list them, revoke one. Only for accounts of the built-in issuer.
 */
@Controller
class CredentialsController {

  private static final String PAGE = "/account/credentials";

  private final Accounts accounts;
  private final IssuerProperties issuer;

  CredentialsController(Accounts accounts, IssuerProperties issuer) {
    this.accounts = accounts;
    this.issuer = issuer;
  }

  @GetMapping(PAGE)
  String list(Authentication authentication, Model model) {
    return page(account(authentication), "", Map.of(), null, model);
  }

  @PostMapping(PAGE)
  String create(
      Authentication authentication, @RequestParam(defaultValue = "") String name, Model model) {
    UUID user = account(authentication);
    Accounts.NewCredential created = accounts.createCredential(user, name);
    if (created.credential() == null) {
      return page(user, name.strip(), created.errors(), null, model);
    }
    return page(user, "", Map.of(), created, model);
  }

  @PostMapping(PAGE + "/{id}/revoke")
  String revoke(Authentication authentication, @PathVariable UUID id) {
    if (!accounts.revoke(account(authentication), id)) {
      throw new PageNotFoundException();
    }
    return "redirect:" + PAGE;
  }

  private String page(
      UUID user, String name, Map<String, ?> errors, Accounts.NewCredential created, Model model) {
    model.addAttribute("credentials", accounts.credentials(user));
    model.addAttribute("name", name);
    model.addAttribute("errors", errors);
    model.addAttribute("created", created);
    model.addAttribute("issuer", issuer.issuer());
    return "credentials";
  }

  /** The signed-in account's id; not found for users of an external issuer. */
  private UUID account(Authentication authentication) {
    if (!issuer.enabled()) {
      throw new PageNotFoundException();
    }
    try {
      UUID id = UUID.fromString(Owner.of(authentication));
      if (accounts.find(id).isEmpty()) {
        throw new PageNotFoundException();
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw new PageNotFoundException();
    }
  }
}
