package io.backforge.activities.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitRemotesTests {

  private final GitRemotes defaults = new GitRemotes(List.of("https://", "ssh://"));

  @Test
  void httpsAndSshRemotesAreAllowedByDefault() {
    assertThat(defaults.check("https://github.com/acme/library.git"))
        .isEqualTo("https://github.com/acme/library.git");
    assertThat(defaults.check("ssh://git@github.com/acme/library.git")).isNotNull();
  }

  @Test
  void fileUrlsLocalPathsAndPlainHttpAreRefusedByDefault() {
    for (String url :
        List.of(
            "file:///tmp/repo.git",
            "/tmp/repo.git",
            "../repo.git",
            "http://github.com/acme/library.git",
            "git://github.com/acme/library.git",
            "git@github.com:acme/library.git")) {
      assertThatThrownBy(() -> defaults.check(url))
          .as(url)
          .isInstanceOf(RemoteRefusedException.class)
          .hasMessageContaining("BACKFORGE_GIT_ALLOWED_REMOTES");
    }
  }

  @Test
  void aListedPrefixAllowsFileUrls() {
    GitRemotes local = new GitRemotes(List.of("file:/tmp/", " https:// ", ""));
    assertThat(local.check("file:/tmp/repo.git")).isEqualTo("file:/tmp/repo.git");
    assertThat(local.prefixes()).containsExactly("file:/tmp/", "https://");
    assertThatThrownBy(() -> local.check("file:/etc/repo.git"))
        .isInstanceOf(RemoteRefusedException.class);
  }

  @Test
  void aPasswordInTheUrlIsRefused() {
    assertThatThrownBy(() -> defaults.check("https://me:secret@github.com/acme/library.git"))
        .isInstanceOf(RemoteRefusedException.class)
        .hasMessageContaining("token")
        .hasMessageNotContaining("secret");
  }

  @Test
  void blankOverlongDotDotAndSpacedUrlsAreRefused() {
    for (String url :
        List.of(
            "",
            "https://github.com/acme/../other.git",
            "https://github.com/a b.git",
            "https://github.com/" + "a".repeat(GitRemotes.MAX_URL_LENGTH))) {
      assertThatThrownBy(() -> defaults.check(url)).isInstanceOf(RemoteRefusedException.class);
    }
    assertThatThrownBy(() -> defaults.check(null)).isInstanceOf(RemoteRefusedException.class);
  }
}
