package io.backforge.api.web;

import io.backforge.api.account.Accounts;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Admins only (the page chain requires {@code ROLE_ADMIN}): every account, and turning one off or
 * on again. A disabled account's tokens and sessions stop working at once. An admin cannot disable
 * their own account.
 */
@Controller
class AdminUsersController {

  private static final String PAGE = "/admin/users";

  private final Accounts accounts;

  AdminUsersController(Accounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping(PAGE)
  String users(Authentication authentication, Model model) {
    model.addAttribute("users", accounts.list());
    model.addAttribute("me", Owner.of(authentication));
    return "admin-users";
  }

  @PostMapping(PAGE + "/{id}/disable")
  String disable(Authentication authentication, @PathVariable UUID id) {
    if (id.toString().equals(Owner.of(authentication)) || !accounts.setEnabled(id, false)) {
      throw new PageNotFoundException();
    }
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/{id}/enable")
  String enable(@PathVariable UUID id) {
    if (!accounts.setEnabled(id, true)) {
      throw new PageNotFoundException();
    }
    return "redirect:" + PAGE;
  }
}
