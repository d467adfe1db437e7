package io.backforge.activities.git;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of pushes, in PostgreSQL. */
@Repository
public class GitPushes {

  private final JdbcClient jdbc;

  GitPushes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new, pending push and answers it. */
  public GitPush create(UUID projectId, String owner, String remote, String branch) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO git_pushes (id, project_id, owner, remote, branch, status, created_at)
            VALUES (:id, :project, :owner, :remote, :branch, 'PENDING', :now)
            """)
        .param("id", id)
        .param("project", projectId)
        .param("owner", owner)
        .param("remote", remote)
        .param("branch", branch)
        .param("now", Timestamp.from(now))
        .update();
    return new GitPush(
        id, projectId, owner, remote, branch, GitPush.Status.PENDING, null, null, now, null);
  }

  /** Records that the push reached the remote with {@code commit} at the branch's tip. */
  public void succeeded(UUID id, String commit) {
    jdbc.sql(
            """
            UPDATE git_pushes SET status = 'SUCCEEDED', commit_id = :commit, error = NULL,
                                  pushed_at = :now
            WHERE id = :id
            """)
        .param("id", id)
        .param("commit", commit)
        .param("now", Timestamp.from(Instant.now()))
        .update();
  }

  /** Records that the push failed for good; a push that succeeded stays so. */
  public void failed(UUID id, String error) {
    jdbc.sql(
            """
            UPDATE git_pushes SET status = 'FAILED', error = :error
            WHERE id = :id AND status = 'PENDING'
            """)
        .param("id", id)
        .param("error", error)
        .update();
  }

  /** The push. */
  public Optional<GitPush> find(UUID id) {
    return jdbc.sql("SELECT * FROM git_pushes WHERE id = :id")
        .param("id", id)
        .query(GitPushes::map)
        .optional();
  }

  /** The project's most recent push that reached its remote. */
  public Optional<GitPush> lastSucceeded(UUID projectId) {
    return jdbc.sql(
            """
            SELECT * FROM git_pushes WHERE project_id = :project AND status = 'SUCCEEDED'
            ORDER BY pushed_at DESC LIMIT 1
            """)
        .param("project", projectId)
        .query(GitPushes::map)
        .optional();
  }

  private static GitPush map(ResultSet row, int n) throws SQLException {
    Timestamp pushed = row.getTimestamp("pushed_at");
    return new GitPush(
        row.getObject("id", UUID.class),
        row.getObject("project_id", UUID.class),
        row.getString("owner"),
        row.getString("remote"),
        row.getString("branch"),
        GitPush.Status.valueOf(row.getString("status")),
        row.getString("commit_id"),
        row.getString("error"),
        row.getTimestamp("created_at").toInstant(),
        pushed == null ? null : pushed.toInstant());
  }
}
