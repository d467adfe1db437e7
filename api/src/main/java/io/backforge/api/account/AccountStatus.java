package io.backforge.api.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether an account and a credential may still be used, checked on every token and page request.
 * Answers are kept for a few seconds ({@code backforge.issuer.status-cache}, default 5 s) so that a
 * busy script does not cost a query per call; a change made through this process is seen at once,
 * one made through another web process within that time.
 */
@Component
public class AccountStatus {

  private static final int MAX_ENTRIES = 10_000;

  private final AccountStore accounts;
  private final CredentialStore credentials;
  private final Duration ttl;
  private final Clock clock = Clock.systemUTC();
  private final Map<Object, Entry> cache = new ConcurrentHashMap<>();

  AccountStatus(
      AccountStore accounts,
      CredentialStore credentials,
      @Value("${backforge.issuer.status-cache:5s}") Duration ttl) {
    this.accounts = accounts;
    this.credentials = credentials;
    this.ttl = ttl;
  }

  /** The account, as it was at most a few seconds ago. */
  public Optional<Account> account(UUID id) {
    return cached(id, () -> accounts.find(id).orElse(null)).map(Account.class::cast);
  }

  /** Whether the account exists and is enabled. */
  public boolean enabled(UUID id) {
    return account(id).map(Account::enabled).orElse(false);
  }

  /** Whether the credential exists and was not revoked. */
  public boolean credentialActive(UUID id) {
    return cached(new CredentialKey(id), () -> credentials.find(id).orElse(null))
        .map(c -> ((Credential) c).active())
        .orElse(false);
  }

  /** Forgets what is known about an account or credential, after it changed. */
  void forget(UUID id) {
    cache.remove(id);
    cache.remove(new CredentialKey(id));
  }

  private Optional<Object> cached(Object key, java.util.function.Supplier<Object> load) {
    Instant now = clock.instant();
    Entry entry = cache.get(key);
    if (entry == null || entry.expires().isBefore(now)) {
      if (cache.size() > MAX_ENTRIES) {
        cache.clear();
      }
      entry = new Entry(load.get(), now.plus(ttl));
      cache.put(key, entry);
    }
    return Optional.ofNullable(entry.value());
  }

  private record Entry(Object value, Instant expires) {}

  private record CredentialKey(UUID id) {}
}
