package io.backforge.activities.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backforge.activities.git.GitPublisher.Publication;
import io.backforge.activities.git.GitPublisher.Published;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to local bare repositories and merges the generated branch as a user would. */
class GitPublisherTests {

  private static final String MODEL =
      "class Book:\n    title = str\n\n\ndef describe(book):\n    return book.title\n";

  @TempDir Path temp;

  private Path remote;
  private final GitPublisher publisher = new GitPublisher();

  @BeforeEach
  void bareRemote() throws Exception {
    remote = temp.resolve("remote.git");
    Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
  }

  @Test
  void theFirstPushCreatesTheBranchWithExactlyTheGeneratedTree() throws Exception {
    Published published = publish(files(MODEL), "Generate library, revision 1\n");
    assertThat(published.created()).isTrue();
    try (Git bare = Git.open(remote.toFile())) {
      ObjectId tip = bare.getRepository().resolve("refs/heads/backforge");
      assertThat(tip.name()).isEqualTo(published.commit());
      RevCommit commit = bare.getRepository().parseCommit(tip);
      assertThat(commit.getFullMessage()).isEqualTo("Generate library, revision 1\n");
      assertThat(commit.getParentCount()).isZero();
      assertThat(paths(bare, commit)).containsExactly("app/model.py", "backforge.json", "mvnw");
      try (TreeWalk walk = TreeWalk.forPath(bare.getRepository(), "mvnw", commit.getTree())) {
        assertThat(walk.getFileMode(0)).isEqualTo(FileMode.EXECUTABLE_FILE);
      }
    }
  }

  @Test
  void aMergeOfTheNextGenerationKeepsTheUsersEditAndBringsTheField() throws Exception {
    publish(files(MODEL), "revision 1\n");
    try (Git user = userClone()) {
      Path model = user.getRepository().getWorkTree().toPath().resolve("app/model.py");
      write(model, read(model).replace("return book.title", "return book.title.upper()"));
      user.commit().setAll(true).setMessage("Shout titles").setAuthor(person()).call();

      SortedMap<String, byte[]> next =
          files(MODEL.replace("title = str\n", "title = str\n    isbn = str\n"));
      next.remove("mvnw");
      Published second = publish(next, "revision 2\n");
      assertThat(parentOf(second.commit())).isNotNull();

      MergeResult merge = fetchAndMerge(user);
      assertThat(merge.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.MERGED);
      assertThat(read(model)).contains("isbn = str").contains("return book.title.upper()");
      assertThat(user.getRepository().getWorkTree().toPath().resolve("mvnw")).doesNotExist();
    }
  }

  @Test
  void aConflictingEditIsReportedAndKeptBetweenMarkers() throws Exception {
    publish(files(MODEL), "revision 1\n");
    try (Git user = userClone()) {
      Path model = user.getRepository().getWorkTree().toPath().resolve("app/model.py");
      write(model, read(model).replace("title = str", "title = bytes  # mine"));
      user.commit().setAll(true).setMessage("Bytes titles").setAuthor(person()).call();

      publish(files(MODEL.replace("title = str", "title = text")), "revision 2\n");

      MergeResult merge = fetchAndMerge(user);
      assertThat(merge.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.CONFLICTING);
      assertThat(merge.getConflicts()).containsOnlyKeys("app/model.py");
      assertThat(read(model))
          .contains("<<<<<<<", "title = bytes  # mine", "title = text", ">>>>>>>");
    }
  }

  @Test
  void pushingTheSameTreeAgainMakesNoCommit() {
    Published first = publish(files(MODEL), "revision 1\n");
    Published again = publish(files(MODEL), "revision 1\n");
    assertThat(again.created()).isFalse();
    assertThat(again.commit()).isEqualTo(first.commit());
  }

  @Test
  void eachGenerationIsOneCommitOnTopOfTheBranchTip() throws Exception {
    Published first = publish(files(MODEL), "revision 1\n");
    Published second = publish(files(MODEL + "# two\n"), "revision 2\n");
    assertThat(parentOf(second.commit())).isEqualTo(first.commit());
  }

  @Test
  void aMissingRepositoryIsNotFoundAndNotRetried() {
    assertThatThrownBy(
            () ->
                publisher.publish(
                    publication(temp.resolve("nothing.git").toUri().toString(), files(MODEL))))
        .isInstanceOfSatisfying(
            GitPushException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(GitPushException.Kind.NOT_FOUND);
              assertThat(e.kind().retryable()).isFalse();
            });
  }

  @Test
  void aRemoteThatDoesNotAnswerIsUnreachableAndRetried() {
    assertThatThrownBy(
            () -> publisher.publish(publication("http://127.0.0.1:9/repo.git", files(MODEL))))
        .isInstanceOfSatisfying(
            GitPushException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(GitPushException.Kind.UNREACHABLE);
              assertThat(e.getMessage())
                  .startsWith("The remote could not be reached")
                  .doesNotContain("java.");
            });
  }

  @Test
  void anSshRemoteIsRefusedAtOnceForThisWorkerHasNoSshTransport() {
    for (String url : List.of("ssh://git@127.0.0.1:9/acme/x.git", "git@127.0.0.1:acme/x.git")) {
      assertThatThrownBy(() -> publisher.publish(publication(url, files(MODEL))))
          .as(url)
          .isInstanceOfSatisfying(
              GitPushException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(GitPushException.Kind.REJECTED);
                assertThat(e).hasMessageContaining("SSH");
              });
    }
  }

  @Test
  void jgitReadsNoGitConfigurationOfTheMachine() throws Exception {
    assertThat(publisher).isNotNull();
    for (FileBasedConfig config :
        List.of(
            SystemReader.getInstance().openSystemConfig(null, FS.DETECTED),
            SystemReader.getInstance().openUserConfig(null, FS.DETECTED),
            SystemReader.getInstance().openJGitConfig(null, FS.DETECTED))) {
      config.load();
      assertThat(config.getSections()).isEmpty();
    }
  }

  @Test
  void noTemporaryRepositoryIsLeftBehind() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = pushDirs(tmp);
    publish(files(MODEL), "revision 1\n");
    assertThat(pushDirs(tmp)).isEqualTo(before);
  }

  private static long pushDirs(Path tmp) throws IOException {
    try (var list = Files.list(tmp)) {
      return list.filter(p -> p.getFileName().toString().startsWith("backforge-push-")).count();
    }
  }

  private Published publish(SortedMap<String, byte[]> files, String message) {
    Publication publication = publication(remote.toUri().toString(), files);
    return publisher.publish(
        new Publication(
            publication.remote(),
            publication.branch(),
            files,
            message,
            publication.author(),
            null,
            publication.timeout()));
  }

  private static Publication publication(String url, SortedMap<String, byte[]> files) {
    return new Publication(
        url, "backforge", files, "revision\n", person(), null, Duration.ofSeconds(10));
  }

  private Git userClone() throws Exception {
    Git user =
        Git.cloneRepository()
            .setURI(remote.toUri().toString())
            .setDirectory(temp.resolve("user").toFile())
            .setBranch("backforge")
            .call();
    user.checkout().setCreateBranch(true).setName("main").call();
    return user;
  }

  private static MergeResult fetchAndMerge(Git user) throws Exception {
    user.fetch().setRemote("origin").call();
    return user.merge()
        .include(user.getRepository().resolve("refs/remotes/origin/backforge"))
        .setMessage("Merge backforge")
        .call();
  }

  private String parentOf(String commit) throws IOException {
    try (Git bare = Git.open(remote.toFile())) {
      RevCommit parsed = bare.getRepository().parseCommit(ObjectId.fromString(commit));
      return parsed.getParentCount() == 0 ? null : parsed.getParent(0).name();
    }
  }

  private static java.util.List<String> paths(Git git, RevCommit commit) throws IOException {
    java.util.List<String> paths = new java.util.ArrayList<>();
    try (TreeWalk walk = new TreeWalk(git.getRepository())) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      while (walk.next()) {
        paths.add(walk.getPathString());
      }
    }
    return paths;
  }

  private static SortedMap<String, byte[]> files(String model) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put("app/model.py", model.getBytes(StandardCharsets.UTF_8));
    files.put("backforge.json", "{\"name\":\"library\"}\n".getBytes(StandardCharsets.UTF_8));
    files.put("mvnw", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private static PersonIdent person() {
    return new PersonIdent("Test", "test@example.com");
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
  }
}
