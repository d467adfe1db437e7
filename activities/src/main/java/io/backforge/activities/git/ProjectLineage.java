package io.backforge.activities.git;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A generation's ancestors through {@code projects.parent_id}: what it is a revision of. */
@Component
public class ProjectLineage {

  private final JdbcClient jdbc;

  ProjectLineage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The generation {@code projectId} is a revision of, if any. */
  public Optional<UUID> parent(UUID projectId) {
    return jdbc.sql("SELECT parent_id FROM projects WHERE id = :id AND parent_id IS NOT NULL")
        .param("id", projectId)
        .query(UUID.class)
        .optional();
  }

  /** 1 for a generation without a parent, otherwise one more than its parent's. */
  public int revision(UUID projectId) {
    return jdbc.sql(
            """
            WITH RECURSIVE lineage (id, parent_id, depth) AS (
              SELECT id, parent_id, 1 FROM projects WHERE id = :id
              UNION ALL
              SELECT p.id, p.parent_id, l.depth + 1
              FROM projects p JOIN lineage l ON p.id = l.parent_id
              WHERE l.depth < 10000
            )
            SELECT COALESCE(MAX(depth), 1) FROM lineage
            """)
        .param("id", projectId)
        .query(Integer.class)
        .single();
  }
}
