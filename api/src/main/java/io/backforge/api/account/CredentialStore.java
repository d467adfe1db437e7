package io.backforge.api.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API credentials in PostgreSQL (table {@code api_credentials}). */
@Repository
public class CredentialStore {

  private final JdbcClient jdbc;

  CredentialStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a new credential and answers it. */
  public Credential create(UUID id, UUID userId, String name, String clientId, String secretHash) {
    jdbc.sql(
            """
            INSERT INTO api_credentials (id, user_id, name, client_id, secret_hash)
            VALUES (:id, :user, :name, :client, :hash)
            """)
        .param("id", id)
        .param("user", userId)
        .param("name", name)
        .param("client", clientId)
        .param("hash", secretHash)
        .update();
    return find(id).orElseThrow();
  }

  /** The credential with this id, revoked or not. */
  public Optional<Credential> find(UUID id) {
    return jdbc.sql("SELECT * FROM api_credentials WHERE id = :id")
        .param("id", id)
        .query(CredentialStore::map)
        .optional();
  }

  /** The credential with this client id, revoked or not. */
  public Optional<Credential> findByClientId(String clientId) {
    return jdbc.sql("SELECT * FROM api_credentials WHERE client_id = :client")
        .param("client", clientId)
        .query(CredentialStore::map)
        .optional();
  }

  /** The user's credentials that still work, newest first. */
  public List<Credential> active(UUID userId) {
    return jdbc.sql(
            """
            SELECT * FROM api_credentials WHERE user_id = :user AND revoked_at IS NULL
            ORDER BY created_at DESC, id
            """)
        .param("user", userId)
        .query(CredentialStore::map)
        .list();
  }

  /** Revokes one of the user's credentials; answers whether it was active and theirs. */
  public boolean revoke(UUID userId, UUID id) {
    return jdbc.sql(
                """
                UPDATE api_credentials SET revoked_at = now()
                WHERE id = :id AND user_id = :user AND revoked_at IS NULL
                """)
            .param("id", id)
            .param("user", userId)
            .update()
        == 1;
  }

  private static Credential map(ResultSet row, int number) throws SQLException {
    return new Credential(
        row.getObject("id", UUID.class),
        row.getObject("user_id", UUID.class),
        row.getString("name"),
        row.getString("client_id"),
        row.getString("secret_hash"),
        row.getTimestamp("created_at").toInstant(),
        AccountStore.instant(row.getTimestamp("revoked_at")));
  }
}
