package io.backforge.activities.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backforge.activities.ActivitiesTestApplication;
import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.ProjectFiles;
import io.backforge.activities.store.ProjectStore;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectZipper;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.git.GitActivities;
import io.backforge.workflows.git.GitPushFailure;
import io.backforge.workflows.git.GitPushRequest;
import io.backforge.workflows.git.GitPushResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The push activity on the real PostgreSQL, against a local bare repository. */
@SpringBootTest(
    classes = ActivitiesTestApplication.class,
    properties = "backforge.git.allowed-remotes=file:")
class GitActivitiesIntegrationTests {

  private static final String SPEC = "{\"name\":\"shelf\",\"stack\":\"flask\"}";

  @Autowired GitActivitiesImpl implementation;
  @Autowired ProjectStore projects;
  @Autowired ProjectFiles files;
  @Autowired BlobStore blobs;
  @Autowired GitPushes pushes;
  @Autowired GitTokens tokens;

  @TempDir Path temp;

  TestActivityEnvironment env;
  GitActivities activities;
  Path remote;

  @BeforeEach
  void environment() throws Exception {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(implementation);
    activities = env.newActivityStub(GitActivities.class);
    remote = temp.resolve("remote.git");
    Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void aPushCommitsTheStoredFilesAndTheSpecRecordsTheCommitAndDeletesTheToken() throws Exception {
    UUID project = generatedProject();
    UUID token = tokens.save("ghp_secret");
    GitPush push = pushes.create(project, "owner", remote.toUri().toString(), "backforge");

    GitPushResult result = activities.push(request(push, project, token));

    assertThat(result.created()).isTrue();
    assertThat(pushes.find(push.id()).orElseThrow())
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo(GitPush.Status.SUCCEEDED);
              assertThat(p.commit()).isEqualTo(result.commit());
              assertThat(p.pushedAt()).isNotNull();
            });
    assertThat(tokens.read(token)).isEmpty();
    try (Git bare = Git.open(remote.toFile())) {
      RevCommit tip = bare.getRepository().parseCommit(bare.getRepository().resolve("backforge"));
      assertThat(tip.getFullMessage())
          .startsWith("Generate shelf, revision 1\n")
          .contains("Backforge-Project: " + project);
      assertThat(tip.getAuthorIdent().getName()).isEqualTo("Backforge");
      for (String path : List.of("app/models.py", "backforge.json")) {
        assertThat(TreeWalk.forPath(bare.getRepository(), path, tip.getTree())).isNotNull();
      }
    }
  }

  @Test
  void aRetryAfterARecordedPushAnswersItsCommitWithoutTheDeletedToken() {
    UUID project = generatedProject();
    UUID token = tokens.save("ghp_secret");
    GitPush push = pushes.create(project, "owner", remote.toUri().toString(), "backforge");
    GitPushResult first = activities.push(request(push, project, token));

    GitPushResult again = activities.push(request(push, project, token));

    assertThat(again.commit()).isEqualTo(first.commit());
    assertThat(again.created()).isFalse();
  }

  @Test
  void aRemoteOffTheListIsRefusedOnTheWorkerToo() {
    UUID project = generatedProject();
    GitPush push = pushes.create(project, "owner", "https://example.com/x.git", "backforge");
    assertThatThrownBy(() -> activities.push(request(push, project, null)))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(GitActivities.GIT_REMOTE_REFUSED);
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }

  @Test
  void aFailureIsRecordedOnceAndItsTokenDeleted() {
    UUID project = generatedProject();
    UUID token = tokens.save("ghp_secret");
    GitPush push = pushes.create(project, "owner", remote.toUri().toString(), "backforge");

    activities.failed(new GitPushFailure(push.id().toString(), token.toString(), "refused"));
    activities.failed(new GitPushFailure(push.id().toString(), token.toString(), "refused"));

    assertThat(pushes.find(push.id()).orElseThrow().status()).isEqualTo(GitPush.Status.FAILED);
    assertThat(pushes.find(push.id()).orElseThrow().error()).isEqualTo("refused");
    assertThat(tokens.read(token)).isEmpty();
  }

  private GitPushRequest request(GitPush push, UUID project, UUID token) {
    return new GitPushRequest(
        push.id().toString(),
        project.toString(),
        push.remote(),
        push.branch(),
        token == null ? null : token.toString());
  }

  private UUID generatedProject() {
    UUID id = UUID.randomUUID();
    projects.create(id, "owner", "shelf", "flask", SPEC);
    GeneratedProject generated =
        GeneratedProject.builder("shelf")
            .text("app/models.py", "class Book:\n    title = str\n")
            .text("README.md", "# shelf\n")
            .build();
    projects.setManifest(id, files.store(generated).manifestHash());
    byte[] zip = ProjectZipper.zip(generated);
    projects.recordOutcome(
        id,
        new Progress(ProjectStatus.SUCCEEDED, List.of(), List.of(), null),
        blobs.put(zip),
        (long) zip.length);
    return id;
  }
}
