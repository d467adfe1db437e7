package io.backforge.activities.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Verification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Projects in PostgreSQL, shared by the web role and the workers. */
@Repository
public class ProjectStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final Clock clock;

  ProjectStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
  }

  /** Stores a new, queued project and answers it. */
  public ProjectRecord create(UUID id, String owner, String name, String stack, String spec) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String workflowId = "project-" + id;
    jdbc.sql(
            """
            INSERT INTO projects (id, owner, name, stack, spec, status, workflow_id,
                                  created_at, updated_at)
            VALUES (:id, :owner, :name, :stack, :spec, 'QUEUED', :workflowId, :now, :now)
            """)
        .param("id", id)
        .param("owner", owner)
        .param("name", name)
        .param("stack", stack)
        .param("spec", spec)
        .param("workflowId", workflowId)
        .param("now", Timestamp.from(now))
        .update();
    return new ProjectRecord(
        id,
        owner,
        name,
        stack,
        spec,
        ProjectStatus.QUEUED,
        workflowId,
        null,
        null,
        null,
        null,
        null,
        now,
        now,
        null);
  }

  /** The project with this id, whoever owns it. */
  public Optional<ProjectRecord> find(UUID id) {
    return jdbc.sql("SELECT * FROM projects WHERE id = :id")
        .param("id", id)
        .query(ProjectStore::map)
        .optional();
  }

  /** The project with this id if {@code owner} owns it. */
  public Optional<ProjectRecord> findOwned(UUID id, String owner) {
    return jdbc.sql("SELECT * FROM projects WHERE id = :id AND owner = :owner")
        .param("id", id)
        .param("owner", owner)
        .query(ProjectStore::map)
        .optional();
  }

  /** One page of the owner's projects, newest first. */
  public List<ProjectRecord> listOwned(String owner, int page, int size) {
    return jdbc.sql(
            """
            SELECT * FROM projects WHERE owner = :owner
            ORDER BY created_at DESC, id
            LIMIT :size OFFSET :offset
            """)
        .param("owner", owner)
        .param("size", size)
        .param("offset", (long) page * size)
        .query(ProjectStore::map)
        .list();
  }

  /** How many projects the owner has. */
  public long countOwned(String owner) {
    return jdbc.sql("SELECT count(*) FROM projects WHERE owner = :owner")
        .param("owner", owner)
        .query(Long.class)
        .single();
  }

  /** Moves a queued project to running; a no-op for any other status. */
  public void markRunning(UUID id) {
    jdbc.sql(
            """
            UPDATE projects SET status = 'RUNNING', updated_at = :now
            WHERE id = :id AND status = 'QUEUED'
            """)
        .param("id", id)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** Records the manifest of the scaffolded files. */
  public void setManifest(UUID id, String manifestHash) {
    jdbc.sql("UPDATE projects SET manifest_hash = :hash, updated_at = :now WHERE id = :id")
        .param("id", id)
        .param("hash", manifestHash)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** Records how the generation ended; answers whether the project exists. */
  public boolean recordOutcome(UUID id, Progress progress, String artifactHash, Long artifactSize) {
    return recordOutcome(id, progress, artifactHash, artifactSize, null);
  }

  /** Records how the generation ended and its verification; answers whether the project exists. */
  public boolean recordOutcome(
      UUID id,
      Progress progress,
      String artifactHash,
      Long artifactSize,
      Verification verification) {
    return jdbc.sql(
                """
                UPDATE projects
                SET status = :status, progress = :progress, error = :error,
                    artifact_hash = :artifactHash, artifact_size = :artifactSize,
                    verification = :verification, updated_at = :now
                WHERE id = :id
                """)
            .param("id", id)
            .param("status", progress.status().name())
            .param("progress", write(progress))
            .param("verification", verification == null ? null : write(verification))
            .param("error", progress.error())
            .param("artifactHash", artifactHash)
            .param("artifactSize", artifactSize)
            .param("now", Timestamp.from(clock.instant()))
            .update()
        == 1;
  }

  /** Marks a project failed with a reason, keeping whatever progress it has. */
  public void markFailed(UUID id, String reason) {
    jdbc.sql(
            """
            UPDATE projects SET status = 'FAILED', error = :reason, updated_at = :now
            WHERE id = :id
            """)
        .param("id", id)
        .param("reason", reason)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  private static ProjectRecord map(ResultSet row, int rowNum) throws SQLException {
    return new ProjectRecord(
        row.getObject("id", UUID.class),
        row.getString("owner"),
        row.getString("name"),
        row.getString("stack"),
        row.getString("spec"),
        ProjectStatus.valueOf(row.getString("status")),
        row.getString("workflow_id"),
        read(row.getString("progress")),
        row.getString("error"),
        trim(row.getString("manifest_hash")),
        trim(row.getString("artifact_hash")),
        (Long) row.getObject("artifact_size"),
        row.getTimestamp("created_at").toInstant(),
        row.getTimestamp("updated_at").toInstant(),
        read(row.getString("verification"), Verification.class));
  }

  private static String trim(String hash) {
    return hash == null ? null : hash.trim();
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("progress is always serialisable", e);
    }
  }

  private static Progress read(String json) {
    return read(json, Progress.class);
  }

  private static <T> T read(String json, Class<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored progress is unreadable", e);
    }
  }
}
