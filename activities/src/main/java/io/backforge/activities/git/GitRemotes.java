package io.backforge.activities.git;

import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.transport.URIish;

/**
 * The allow-list of git remotes: a remote is accepted when it starts with one of the configured
 * prefixes, and it never carries a password (tokens travel apart, encrypted). Checked by the API
 * before anything is stored and again by the worker before it connects.
 */
public final class GitRemotes {

  static final int MAX_URL_LENGTH = 2000;

  private final List<String> prefixes;

  /** Remotes starting with one of {@code prefixes} (blank ones are ignored). */
  public GitRemotes(List<String> prefixes) {
    this.prefixes = prefixes.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  /** The configured prefixes. */
  public List<String> prefixes() {
    return prefixes;
  }

  /**
   * {@code url} when it is allowed; a {@link RemoteRefusedException} saying why when not.
   *
   * @return the URL as given
   */
  public String check(String url) {
    if (url == null || url.isBlank()) {
      throw new RemoteRefusedException("A remote URL is required.");
    }
    if (url.length() > MAX_URL_LENGTH || !url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new RemoteRefusedException(
          "The remote URL must be at most "
              + MAX_URL_LENGTH
              + " visible ASCII characters, without spaces.");
    }
    URIish parsed = parse(url);
    if (parsed.getPass() != null) {
      throw new RemoteRefusedException(
          "The remote URL must not contain a password; send an HTTPS token as \"token\".");
    }
    if (url.contains("/../") || url.endsWith("/..") || url.contains("::")) {
      throw new RemoteRefusedException("The remote URL must not contain '..' or '::'.");
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (prefixes.stream().noneMatch(p -> lower.startsWith(p.toLowerCase(Locale.ROOT)))) {
      throw new RemoteRefusedException(
          "This remote is not allowed here; remotes must start with one of "
              + String.join(", ", prefixes)
              + " (BACKFORGE_GIT_ALLOWED_REMOTES).");
    }
    return url;
  }

  /** Whether the remote is an HTTPS URL a browser can open. */
  public static boolean isHttps(String url) {
    return url != null && url.toLowerCase(Locale.ROOT).startsWith("https://");
  }

  private static URIish parse(String url) {
    try {
      return new URIish(url);
    } catch (URISyntaxException e) {
      throw new RemoteRefusedException("The remote URL is not a git URL.");
    }
  }
}
