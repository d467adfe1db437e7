package io.backforge.activities.git;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** HTTPS tokens for pushes, sealed by {@link TokenCipher} before they reach PostgreSQL. */
@Repository
public class GitTokens {

  private final JdbcClient jdbc;
  private final TokenCipher cipher;

  GitTokens(JdbcClient jdbc, TokenCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /**
   * No push lives longer than this (its workflow's timeout is 15 minutes): a token this old was
   * left by a push that was terminated, and goes.
   */
  static final Duration ORPHANED_AFTER = Duration.ofHours(1);

  /**
   * Seals and stores {@code token}; answers the id a workflow may carry instead. Deletes tokens
   * older than {@link #ORPHANED_AFTER} on the way.
   */
  public UUID save(String token) {
    jdbc.sql("DELETE FROM git_tokens WHERE created_at < :before")
        .param("before", Timestamp.from(Instant.now().minus(ORPHANED_AFTER)))
        .update();
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO git_tokens (id, sealed, created_at) VALUES (:id, :sealed, :now)")
        .param("id", id)
        .param("sealed", cipher.encrypt(token))
        .param("now", Timestamp.from(Instant.now()))
        .update();
    return id;
  }

  /**
   * The token stored under {@code id}, decrypted; empty when it was deleted. An {@link
   * IllegalArgumentException} when it was sealed under another key.
   */
  public Optional<String> read(UUID id) {
    return jdbc.sql("SELECT sealed FROM git_tokens WHERE id = :id")
        .param("id", id)
        .query(byte[].class)
        .optional()
        .map(cipher::decrypt);
  }

  /** Deletes the token; deleting it again changes nothing. */
  public void delete(UUID id) {
    jdbc.sql("DELETE FROM git_tokens WHERE id = :id").param("id", id).update();
  }
}
