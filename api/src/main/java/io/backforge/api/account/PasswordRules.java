package io.backforge.api.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: long rather than complicated (NIST SP 800-63B), not a well-known one,
 * not the email's name, and short enough for BCrypt, which reads only 72 bytes.
 */
final class PasswordRules {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 64;
  private static final int MAX_BYTES = 72;
  private static final int MIN_DISTINCT = 5;

  private static final Set<String> COMMON =
      Set.of(
          "password1234",
          "passwordpassword",
          "123456789012",
          "1234567890123",
          "qwertyuiopas",
          "qwerty123456",
          "111111111111",
          "000000000000",
          "letmeinletmein",
          "iloveyou1234",
          "administrator",
          "welcome12345",
          "changeme1234",
          "backforge123",
          "backforge1234",
          "dev-password");

  private PasswordRules() {}

  /** Everything wrong with {@code password} for an account with {@code email}; empty when fine. */
  static List<String> check(String password, String email) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      problems.add("Choose a password.");
      return problems;
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      problems.add("Use at least " + MIN_LENGTH + " characters (a few words make a good one).");
    }
    if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      problems.add("Use at most " + MAX_LENGTH + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      problems.add("This password is too well known; choose another one.");
    } else if (password.codePoints().distinct().count() < MIN_DISTINCT) {
      problems.add("Use at least " + MIN_DISTINCT + " different characters.");
    }
    String name = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    int at = name.indexOf('@');
    String local = at > 0 ? name.substring(0, at) : name;
    if (local.length() >= 3 && lower.contains(local)) {
      problems.add("Do not use your email address in the password.");
    }
    return problems;
  }
}
