package io.backforge.activities.git;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A generation's ancestors through {@code projects.parent_id}, the column revisions add. Until that
 * column exists every project is a first revision without a parent; the check is made once.
 */
@Component
public class ProjectLineage {

  private final JdbcClient jdbc;
  private volatile boolean hasParents;

  ProjectLineage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The generation {@code projectId} is a revision of, if any. */
  public Optional<UUID> parent(UUID projectId) {
    if (!hasParents()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT parent_id FROM projects WHERE id = :id AND parent_id IS NOT NULL")
        .param("id", projectId)
        .query(UUID.class)
        .optional();
  }

  /** 1 for a generation without a parent, otherwise one more than its parent's. */
  public int revision(UUID projectId) {
    if (!hasParents()) {
      return 1;
    }
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

  private boolean hasParents() {
    if (!hasParents) {
      hasParents =
          jdbc.sql(
                  """
                  SELECT EXISTS (SELECT 1 FROM information_schema.columns
                                 WHERE table_schema = current_schema()
                                   AND table_name = 'projects' AND column_name = 'parent_id')
                  """)
              .query(Boolean.class)
              .single();
    }
    return hasParents;
  }
}
