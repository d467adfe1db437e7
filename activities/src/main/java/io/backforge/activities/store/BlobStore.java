package io.backforge.activities.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Content-addressed storage of bytes in PostgreSQL: a blob's key is the SHA-256 of its content, so
 * writing the same content twice stores it once and a retried write changes nothing.
 */
@Repository
public class BlobStore {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  BlobStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** The lower-case hex SHA-256 of {@code content}. */
  public static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Stores {@code content} unless present and answers its hash. */
  public String put(byte[] content) {
    String hash = hash(content);
    jdbc.sql(
            """
            INSERT INTO blobs (hash, size, content) VALUES (:hash, :size, :content)
            ON CONFLICT (hash) DO NOTHING
            """)
        .param("hash", hash)
        .param("size", content.length)
        .param("content", content)
        .update();
    return hash;
  }

  /** Stores every content in one batch and answers the hashes in the same order. */
  public List<String> putAll(List<byte[]> contents) {
    List<String> hashes = contents.stream().map(BlobStore::hash).toList();
    template.batchUpdate(
        """
        INSERT INTO blobs (hash, size, content) VALUES (?, ?, ?)
        ON CONFLICT (hash) DO NOTHING
        """,
        contents,
        500,
        (statement, content) -> {
          statement.setString(1, hash(content));
          statement.setInt(2, content.length);
          statement.setBytes(3, content);
        });
    return hashes;
  }

  /** The content stored under {@code hash}. */
  public Optional<byte[]> get(String hash) {
    return jdbc.sql("SELECT content FROM blobs WHERE hash = :hash")
        .param("hash", hash)
        .query(byte[].class)
        .optional();
  }

  /** The contents of every hash found, by hash. */
  public Map<String, byte[]> getAll(Collection<String> hashes) {
    Map<String, byte[]> found = new HashMap<>();
    if (hashes.isEmpty()) {
      return found;
    }
    template.query(
        "SELECT hash, content FROM blobs WHERE hash = ANY (?)",
        statement ->
            statement.setArray(
                1, statement.getConnection().createArrayOf("text", hashes.toArray())),
        row -> {
          found.put(row.getString(1).trim(), row.getBytes(2));
        });
    return found;
  }
}
