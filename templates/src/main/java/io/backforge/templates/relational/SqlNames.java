package io.backforge.templates.relational;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Constraint and index names that stay unique within the 63-character limit of PostgreSQL (and
 * MySQL's 64), for every stack's schema.
 */
public final class SqlNames {

  private static final int MAX = 60;

  private SqlNames() {}

  /** {@code name}, or when too long its head and a short hash of the whole name. */
  public static String constraint(String name) {
    if (name.length() <= MAX) {
      return name;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return name.substring(0, MAX - 9) + "_" + HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
