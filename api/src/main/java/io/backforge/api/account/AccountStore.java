package io.backforge.api.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in PostgreSQL (table {@code users}). */
@Repository
public class AccountStore {

  private final JdbcClient jdbc;

  AccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a new account unless the email is taken (whatever its case); answers the account, or
   * empty when the email was taken (then nothing was written).
   */
  public Optional<Account> create(UUID id, String email, String passwordHash, Role role) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO users (id, email, password_hash, role)
                VALUES (:id, :email, :hash, :role)
                ON CONFLICT DO NOTHING
                """)
            .param("id", id)
            .param("email", email)
            .param("hash", passwordHash)
            .param("role", role.name())
            .update();
    return inserted == 1 ? find(id) : Optional.empty();
  }

  /** The account with this id. */
  public Optional<Account> find(UUID id) {
    return jdbc.sql("SELECT * FROM users WHERE id = :id")
        .param("id", id)
        .query(AccountStore::map)
        .optional();
  }

  /** The account with this email, whatever its case. */
  public Optional<Account> findByEmail(String email) {
    return jdbc.sql("SELECT * FROM users WHERE lower(email) = lower(:email)")
        .param("email", email)
        .query(AccountStore::map)
        .optional();
  }

  /** Every account, oldest first. */
  public List<Account> list(int limit) {
    return jdbc.sql("SELECT * FROM users ORDER BY created_at, email LIMIT :limit")
        .param("limit", limit)
        .query(AccountStore::map)
        .list();
  }

  /** Turns an account on or off; answers whether it exists. */
  public boolean setEnabled(UUID id, boolean enabled) {
    return jdbc.sql("UPDATE users SET enabled = :enabled WHERE id = :id")
            .param("id", id)
            .param("enabled", enabled)
            .update()
        == 1;
  }

  /** Gives an account a role; answers whether it exists. */
  public boolean setRole(UUID id, Role role) {
    return jdbc.sql("UPDATE users SET role = :role WHERE id = :id")
            .param("id", id)
            .param("role", role.name())
            .update()
        == 1;
  }

  /** Replaces an account's password hash. */
  public void setPasswordHash(UUID id, String passwordHash) {
    jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
        .param("id", id)
        .param("hash", passwordHash)
        .update();
  }

  private static Account map(ResultSet row, int number) throws SQLException {
    return new Account(
        row.getObject("id", UUID.class),
        row.getString("email"),
        row.getString("password_hash"),
        Role.valueOf(row.getString("role")),
        row.getBoolean("enabled"),
        row.getTimestamp("created_at").toInstant());
  }

  static Instant instant(java.sql.Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
