package io.backforge.activities.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepProgress;
import io.backforge.workflows.StepState;
import io.backforge.workflows.Verification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Projects in PostgreSQL, shared by the web role and the workers. */
@Repository
public class ProjectStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

  private final JdbcClient jdbc;
  private final Clock clock;

  ProjectStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
  }

  /** Stores a new, queued project and answers it. */
  public ProjectRecord create(UUID id, String owner, String name, String stack, String spec) {
    return create(id, owner, name, stack, spec, null, null).orElseThrow();
  }

  /**
   * Stores a new, queued project unless the owner already has one under {@code idempotencyKey};
   * answers the new project, or empty when the key was taken (then nothing was written).
   */
  public Optional<ProjectRecord> create(
      UUID id,
      String owner,
      String name,
      String stack,
      String spec,
      String idempotencyKey,
      String requestHash) {
    return create(id, owner, name, stack, spec, idempotencyKey, requestHash, null);
  }

  /**
   * Stores a new, queued project as a revision of {@code parentId} (or of nothing when {@code
   * null}) unless the owner already has one under {@code idempotencyKey}; answers the new project,
   * or empty when the key was taken (then nothing was written). The caller checks that the parent
   * is the owner's.
   */
  public Optional<ProjectRecord> create(
      UUID id,
      String owner,
      String name,
      String stack,
      String spec,
      String idempotencyKey,
      String requestHash,
      UUID parentId) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String workflowId = "project-" + id;
    int inserted =
        jdbc.sql(
                """
                INSERT INTO projects (id, owner, name, stack, spec, status, workflow_id,
                                      idempotency_key, request_hash, created_at, updated_at,
                                      parent_id)
                VALUES (:id, :owner, :name, :stack, :spec, 'QUEUED', :workflowId,
                        :key, :hash, :now, :now, :parentId)
                ON CONFLICT (owner, idempotency_key) WHERE idempotency_key IS NOT NULL
                DO NOTHING
                """)
            .param("id", id)
            .param("owner", owner)
            .param("name", name)
            .param("stack", stack)
            .param("spec", spec)
            .param("workflowId", workflowId)
            .param("key", idempotencyKey, java.sql.Types.VARCHAR)
            .param("hash", requestHash, java.sql.Types.VARCHAR)
            .param("now", Timestamp.from(now))
            .param("parentId", parentId, java.sql.Types.OTHER)
            .update();
    if (inserted == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new ProjectRecord(
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
            requestHash,
            now,
            now,
            null,
            parentId));
  }

  /** The owner's project stored under {@code idempotencyKey}, if any. */
  public Optional<ProjectRecord> findByIdempotencyKey(String owner, String idempotencyKey) {
    return jdbc.sql("SELECT * FROM projects WHERE owner = :owner AND idempotency_key = :key")
        .param("owner", owner)
        .param("key", idempotencyKey)
        .query(ProjectStore::map)
        .optional();
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

  /** The revisions made of a project, oldest first. */
  public List<ProjectRecord> children(UUID id) {
    return jdbc.sql("SELECT * FROM projects WHERE parent_id = :id ORDER BY created_at, id")
        .param("id", id)
        .query(ProjectStore::map)
        .list();
  }

  /**
   * The projects a project descends from, its root first and its parent last; at most {@code limit}
   * of them, the nearest.
   */
  public List<ProjectRecord> ancestors(UUID id, int limit) {
    return jdbc.sql(
            """
            WITH RECURSIVE up (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM projects WHERE id = :id
                UNION ALL
                SELECT p.id, p.parent_id, up.depth + 1
                FROM projects p JOIN up ON p.id = up.parent_id
                WHERE up.depth < :limit
            )
            SELECT projects.* FROM projects JOIN up USING (id)
            WHERE up.depth > 0
            ORDER BY up.depth DESC
            """)
        .param("id", id)
        .param("limit", limit)
        .query(ProjectStore::map)
        .list();
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

  /** One page of the owner's projects whose name contains {@code text} (any case), newest first. */
  public List<ProjectRecord> searchOwned(String owner, String text, int page, int size) {
    String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return jdbc.sql(
            """
            SELECT * FROM projects WHERE owner = :owner AND name ILIKE :pattern
            ORDER BY created_at DESC, id
            LIMIT :size OFFSET :offset
            """)
        .param("owner", owner)
        .param("pattern", "%" + escaped + "%")
        .param("size", size)
        .param("offset", (long) page * size)
        .query(ProjectStore::map)
        .list();
  }

  /**
   * One page of every owner's projects whose name contains {@code text} (any case; empty for all),
   * newest first: what an admin sees.
   */
  public List<ProjectRecord> searchAll(String text, int page, int size) {
    String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return jdbc.sql(
            """
            SELECT * FROM projects WHERE name ILIKE :pattern
            ORDER BY created_at DESC, id
            LIMIT :size OFFSET :offset
            """)
        .param("pattern", "%" + escaped + "%")
        .param("size", size)
        .param("offset", (long) page * size)
        .query(ProjectStore::map)
        .list();
  }

  /** How many projects there are, of every owner. */
  public long countAll() {
    return jdbc.sql("SELECT count(*) FROM projects").query(Long.class).single();
  }

  /** Projects that have not ended, oldest first: candidates for recovery after an outage. */
  public List<ProjectRecord> unfinished(int limit) {
    return unfinished(limit, FAR_FUTURE);
  }

  /** Projects created before {@code createdBefore} that have not ended, oldest first. */
  public List<ProjectRecord> unfinished(int limit, Instant createdBefore) {
    return jdbc.sql(
            """
            SELECT * FROM projects
            WHERE status IN ('QUEUED', 'RUNNING') AND created_at < :createdBefore
            ORDER BY created_at LIMIT :limit
            """)
        .param("limit", limit)
        .param("createdBefore", Timestamp.from(createdBefore))
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

  /** Records the validated enrichment of a project, a blob of JSON. */
  public void setEnrichment(UUID id, String enrichmentHash) {
    jdbc.sql("UPDATE projects SET enrichment_hash = :hash, updated_at = :now WHERE id = :id")
        .param("id", id)
        .param("hash", enrichmentHash)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** The validated enrichment of a project, if one was stored. */
  public Optional<String> enrichment(UUID id) {
    return jdbc.sql("SELECT enrichment_hash FROM projects WHERE id = :id")
        .param("id", id)
        .query((row, n) -> Optional.ofNullable(trim(row.getString(1))))
        .optional()
        .flatMap(hash -> hash);
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

  /**
   * Marks a project that has not ended failed with a reason, keeping whatever progress it has;
   * answers whether it did. A project that has ended keeps its outcome: the generation may record
   * it between a caller's look at the project and this update (recovery at a web restart).
   */
  public boolean markFailed(UUID id, String reason) {
    return jdbc.sql(
                """
                UPDATE projects SET status = 'FAILED', error = :reason, updated_at = :now
                WHERE id = :id AND status IN ('QUEUED', 'RUNNING')
                """)
            .param("id", id)
            .param("reason", reason)
            .param("now", Timestamp.from(clock.instant()))
            .update()
        == 1;
  }

  /** Records that a step's activity started an attempt. */
  public void stepStarted(UUID id, Step step, int attempt) {
    jdbc.sql(
            """
            INSERT INTO project_steps (project_id, step, state, attempts, started_at)
            VALUES (:id, :step, 'RUNNING', :attempt, :now)
            ON CONFLICT (project_id, step)
            DO UPDATE SET state = 'RUNNING', attempts = EXCLUDED.attempts, ended_at = NULL
            """)
        .param("id", id)
        .param("step", step.name())
        .param("attempt", attempt)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** Records how a step's attempt ended: its state, and the error when it failed. */
  public void stepEnded(UUID id, Step step, StepState state, String error) {
    jdbc.sql(
            """
            UPDATE project_steps
            SET state = :state, last_error = :error, ended_at = :ended
            WHERE project_id = :id AND step = :step
            """)
        .param("id", id)
        .param("step", step.name())
        .param("state", state.name())
        .param("error", error, java.sql.Types.VARCHAR)
        .param(
            "ended",
            state == StepState.RUNNING ? null : Timestamp.from(clock.instant()),
            java.sql.Types.TIMESTAMP)
        .update();
  }

  /** Every step in order, as far as its activities have reported; the rest pending. */
  public List<StepProgress> steps(UUID id) {
    Map<Step, StepProgress> reported = new EnumMap<>(Step.class);
    jdbc.sql("SELECT * FROM project_steps WHERE project_id = :id")
        .param("id", id)
        .query(
            (row, n) -> {
              Step step = Step.valueOf(row.getString("step"));
              Timestamp ended = row.getTimestamp("ended_at");
              return new StepProgress(
                  step,
                  StepState.valueOf(row.getString("state")),
                  row.getInt("attempts"),
                  row.getString("last_error"),
                  null,
                  row.getTimestamp("started_at").getTime(),
                  ended == null ? 0 : ended.getTime());
            })
        .list()
        .forEach(p -> reported.put(p.step(), p));
    return Arrays.stream(Step.values())
        .map(step -> reported.getOrDefault(step, StepProgress.pending(step)))
        .toList();
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
        trim(row.getString("request_hash")),
        row.getTimestamp("created_at").toInstant(),
        row.getTimestamp("updated_at").toInstant(),
        read(row.getString("verification"), Verification.class),
        row.getObject("parent_id", UUID.class));
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
