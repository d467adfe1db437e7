package io.backforge.activities.git;

import io.backforge.activities.git.GitPushException.Kind;
import io.backforge.templates.generate.ProjectZipper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Commits a tree of files to a branch of a git remote and pushes it, with JGit in a temporary bare
 * repository that is deleted afterwards. The commit's tree is exactly the given files (a file left
 * out disappears from the branch) and its parent is the branch's tip as fetched just before; a push
 * that loses a race with another one fetches again once.
 */
public final class GitPublisher {

  /** The user name sent with an HTTPS token; hosts read only the token. */
  static final String TOKEN_USER = "x-access-token";

  private static final int ATTEMPTS = 2;

  static {
    IsolatedSystemReader.install();
  }

  /**
   * What to publish.
   *
   * @param remote the remote's URL, already allowed
   * @param branch the branch's short name, already a valid ref name
   * @param files the whole tree: content by relative path
   * @param message the commit message
   * @param author author and committer
   * @param token an HTTPS token, or {@code null}
   * @param timeout the network timeout of each fetch and push
   */
  public record Publication(
      String remote,
      String branch,
      SortedMap<String, byte[]> files,
      String message,
      PersonIdent author,
      String token,
      Duration timeout) {

    @Override
    public String toString() {
      return "Publication[" + remote + ", " + branch + ", " + files.size() + " files]";
    }
  }

  /**
   * What the branch holds now.
   *
   * @param commit the id of the branch's tip
   * @param created whether this publication made it ({@code false}: the tip already had this tree)
   */
  public record Published(String commit, boolean created) {}

  /**
   * Publishes; a {@link GitPushException} when the remote was not updated. Publishing the same tree
   * again makes no commit and answers the tip.
   */
  public Published publish(Publication publication) {
    if (needsSsh(publication.remote()) && SshSessionFactory.getInstance() == null) {
      throw new GitPushException(Kind.REJECTED, "This worker cannot push over SSH.", null);
    }
    Path dir = temporaryDirectory();
    try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call()) {
      return publish(git, publication);
    } catch (GitAPIException e) {
      throw classify(e);
    } finally {
      delete(dir);
    }
  }

  private Published publish(Git git, Publication publication) throws GitAPIException {
    Repository repository = git.getRepository();
    String branchRef = Constants.R_HEADS + publication.branch();
    for (int attempt = 1; ; attempt++) {
      ObjectId tip = fetchTip(git, publication, branchRef);
      ObjectId tree = writeTree(repository, publication.files());
      if (tip != null && treeOf(repository, tip).equals(tree)) {
        return new Published(tip.name(), false);
      }
      ObjectId commit = writeCommit(repository, tree, tip, publication);
      setRef(repository, branchRef, commit);
      RemoteRefUpdate update = push(git, publication, branchRef);
      switch (update.getStatus()) {
        case OK, UP_TO_DATE -> {
          return new Published(commit.name(), true);
        }
        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
          if (attempt == ATTEMPTS) {
            throw new GitPushException(
                Kind.NON_FAST_FORWARD,
                "The branch "
                    + publication.branch()
                    + " kept moving while it was pushed to; push again later.",
                null);
          }
        }
        default ->
            throw new GitPushException(
                Kind.REJECTED,
                "The remote refused the push"
                    + (update.getMessage() == null ? "." : ": " + update.getMessage()),
                null);
      }
    }
  }

  private static ObjectId fetchTip(Git git, Publication publication, String branchRef)
      throws GitAPIException {
    Ref remote =
        git
            .lsRemote()
            .setRemote(publication.remote())
            .setHeads(true)
            .setCredentialsProvider(credentials(publication))
            .setTimeout(seconds(publication.timeout()))
            .call()
            .stream()
            .filter(ref -> ref.getName().equals(branchRef))
            .findFirst()
            .orElse(null);
    if (remote == null) {
      return null;
    }
    String tracking = Constants.R_REMOTES + "origin/" + publication.branch();
    git.fetch()
        .setRemote(publication.remote())
        .setRefSpecs(new RefSpec("+" + branchRef + ":" + tracking))
        .setCredentialsProvider(credentials(publication))
        .setTimeout(seconds(publication.timeout()))
        .call();
    try {
      Ref fetched = git.getRepository().exactRef(tracking);
      return fetched == null ? null : fetched.getObjectId();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RemoteRefUpdate push(Git git, Publication publication, String branchRef)
      throws GitAPIException {
    Iterable<PushResult> results =
        git.push()
            .setRemote(publication.remote())
            .setRefSpecs(new RefSpec(branchRef + ":" + branchRef))
            .setCredentialsProvider(credentials(publication))
            .setTimeout(seconds(publication.timeout()))
            .call();
    for (PushResult result : results) {
      RemoteRefUpdate update = result.getRemoteUpdate(branchRef);
      if (update != null) {
        return update;
      }
    }
    throw new GitPushException(Kind.UNREACHABLE, "The remote did not report on the push.", null);
  }

  /** The tree of exactly {@code files}, scripts executable as in the zip. */
  static ObjectId writeTree(Repository repository, SortedMap<String, byte[]> files) {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(
            ProjectZipper.executable(file.getKey())
                ? FileMode.EXECUTABLE_FILE
                : FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
        builder.add(entry);
      }
      builder.finish();
      ObjectId tree = index.writeTree(inserter);
      inserter.flush();
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectId writeCommit(
      Repository repository, ObjectId tree, ObjectId parent, Publication publication) {
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    if (parent != null) {
      commit.setParentId(parent);
    }
    commit.setAuthor(publication.author());
    commit.setCommitter(publication.author());
    commit.setMessage(publication.message());
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectId treeOf(Repository repository, ObjectId commit) {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit parsed = walk.parseCommit(commit);
      return parsed.getTree().getId();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void setRef(Repository repository, String name, ObjectId commit) {
    try {
      RefUpdate update = repository.updateRef(name);
      update.setNewObjectId(commit);
      update.setForceUpdate(true);
      update.update();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CredentialsProvider credentials(Publication publication) {
    return publication.token() == null
        ? null
        : new UsernamePasswordCredentialsProvider(TOKEN_USER, publication.token());
  }

  private static int seconds(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }

  /** The failure's kind, from what JGit threw; messages never carry the credential. */
  static GitPushException classify(GitAPIException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof NoRemoteRepositoryException || cause instanceof InvalidRemoteException) {
        return new GitPushException(Kind.NOT_FOUND, "There is no git repository there.", e);
      }
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      message += " " + String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
    }
    if (message.contains("not authorized")
        || message.contains("authentication")
        || message.contains("auth fail")
        || message.contains("not permitted")) {
      return new GitPushException(
          Kind.AUTHENTICATION, "The remote refused the credential, or needs one.", e);
    }
    return new GitPushException(
        Kind.UNREACHABLE, "The remote could not be reached: " + e.getMessage(), e);
  }

  private static boolean needsSsh(String remote) {
    try {
      URIish uri = new URIish(remote);
      String scheme = uri.getScheme();
      return scheme == null ? uri.getHost() != null : scheme.contains("ssh");
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("backforge-push-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory holds generated code only, never the token.
    }
  }
}
