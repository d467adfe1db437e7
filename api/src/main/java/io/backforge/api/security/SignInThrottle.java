package io.backforge.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted in a sliding window, per account (the name typed in) and per client
 * address, in this process's memory. Once either has reached its limit, sign-ins for it are refused
 * without checking the password until the oldest failure leaves the window. A successful sign-in
 * clears the account's count, not the address's.
 */
final class SignInThrottle {

  private static final int MAX_KEYS = 100_000;

  private final int perAccount;
  private final int perAddress;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  SignInThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.window = window;
    this.clock = clock;
  }

  /**
   * How long sign-ins to {@code account} from {@code address} are refused; zero when they are not.
   */
  Duration refusedFor(String account, String address) {
    Duration byAccount = refusedFor(accountKey(account), perAccount);
    Duration byAddress = refusedFor(addressKey(address), perAddress);
    return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
  }

  /** Counts a failed sign-in. */
  void failed(String account, String address) {
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    Instant now = clock.instant();
    for (String key : new String[] {accountKey(account), addressKey(address)}) {
      Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        prune(times, now);
        times.addLast(now);
      }
    }
  }

  /** Forgets the account's failures after it signed in. */
  void succeeded(String account) {
    failures.remove(accountKey(account));
  }

  private Duration refusedFor(String key, int limit) {
    Deque<Instant> times = failures.get(key);
    if (times == null || limit <= 0) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    synchronized (times) {
      prune(times, now);
      if (times.size() < limit) {
        return Duration.ZERO;
      }
      // The window must slide past enough failures to bring the count under the limit.
      Instant freed = times.stream().skip(times.size() - limit).findFirst().orElse(now);
      return Duration.between(now, freed.plus(window));
    }
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant oldest = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
      times.removeFirst();
    }
  }

  private static String accountKey(String account) {
    return "account:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
