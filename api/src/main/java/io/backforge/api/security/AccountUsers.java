package io.backforge.api.security;

import io.backforge.api.account.Account;
import io.backforge.api.account.AccountStore;
import java.util.Map;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Signs people in to the built-in issuer by email (any case) and password. The signed-in name is
 * the account's id, so that it becomes the tokens' {@code sub}. In the {@code dev} profile the
 * development user's short name is an alias of its email.
 */
final class AccountUsers implements UserDetailsService {

  private final AccountStore accounts;
  private final Map<String, String> aliases;

  AccountUsers(AccountStore accounts, Map<String, String> aliases) {
    this.accounts = accounts;
    this.aliases = aliases;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String email = aliases.getOrDefault(username == null ? "" : username.strip(), username);
    Account account =
        accounts
            .findByEmail(email == null ? "" : email.strip())
            .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    return User.withUsername(account.id().toString())
        .password(account.passwordHash())
        .disabled(!account.enabled())
        .authorities(account.role().authority())
        .build();
  }
}
