package io.backforge.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.ActivitiesTestApplication;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A project's parent, ancestors and revisions as PostgreSQL stores them (migration V11). */
@SpringBootTest(classes = ActivitiesTestApplication.class)
class ProjectLineageIntegrationTests {

  private static final String OWNER = "lineage-owner";

  @Autowired ProjectStore projects;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeProjects() {
    jdbc.sql("DELETE FROM projects WHERE owner = :owner").param("owner", OWNER).update();
  }

  @Test
  void aRevisionRemembersItsParentAndALineageReadsRootFirstAndRevisionsOldestFirst() {
    ProjectRecord root = create(null);
    ProjectRecord child = create(root.id());
    ProjectRecord grandchild = create(child.id());
    ProjectRecord sibling = create(root.id());

    assertThat(child.parentId()).isEqualTo(root.id());
    assertThat(projects.find(grandchild.id()).orElseThrow().parentId()).isEqualTo(child.id());
    assertThat(projects.find(root.id()).orElseThrow().parentId()).isNull();
    assertThat(projects.ancestors(grandchild.id(), 50))
        .extracting(ProjectRecord::id)
        .containsExactly(root.id(), child.id());
    assertThat(projects.ancestors(grandchild.id(), 1))
        .extracting(ProjectRecord::id)
        .containsExactly(child.id());
    assertThat(projects.ancestors(root.id(), 50)).isEmpty();
    assertThat(projects.children(root.id()))
        .extracting(ProjectRecord::id)
        .containsExactly(child.id(), sibling.id());
    assertThat(projects.children(grandchild.id())).isEmpty();
  }

  @Test
  void removingAParentLeavesItsRevisionsWithoutOne() {
    ProjectRecord parent = create(null);
    ProjectRecord revision = create(parent.id());

    jdbc.sql("DELETE FROM projects WHERE id = :id").param("id", parent.id()).update();

    assertThat(projects.find(revision.id()).orElseThrow().parentId()).isNull();
  }

  private ProjectRecord create(UUID parentId) {
    return projects
        .create(UUID.randomUUID(), OWNER, "lineage", "flask", "{}", null, null, parentId)
        .orElseThrow();
  }
}
