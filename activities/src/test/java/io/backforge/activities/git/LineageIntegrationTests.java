package io.backforge.activities.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.ActivitiesTestApplication;
import io.backforge.activities.store.ProjectStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Parents and revision numbers once {@code projects.parent_id} exists: the column is added here as
 * the revisions' migration (V11) adds it, and kept when that migration already did.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class)
class LineageIntegrationTests {

  @Autowired ProjectLineage lineage;
  @Autowired ProjectStore projects;
  @Autowired JdbcClient jdbc;

  @Test
  void aRevisionsParentAndNumberFollowTheParentColumn() {
    UUID root = project(null);
    UUID child = project(root);
    UUID grandchild = project(child);

    assertThat(lineage.parent(root)).isEmpty();
    assertThat(lineage.parent(grandchild)).hasValue(child);
    assertThat(lineage.revision(root)).isEqualTo(1);
    assertThat(lineage.revision(child)).isEqualTo(2);
    assertThat(lineage.revision(grandchild)).isEqualTo(3);
  }

  private UUID project(UUID parent) {
    UUID id = UUID.randomUUID();
    projects.create(id, "owner", "shelf", "flask", "{}");
    jdbc.sql("UPDATE projects SET parent_id = :parent WHERE id = :id")
        .param("parent", parent, java.sql.Types.OTHER)
        .param("id", id)
        .update();
    return id;
  }
}
