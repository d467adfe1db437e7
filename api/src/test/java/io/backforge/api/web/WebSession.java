package io.backforge.api.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: real HTTP with a cookie jar that follows redirects itself, so each
 * hop of the sign-in (pages → issuer → sign-in form → issuer → pages) is the application's own.
 */
final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private Page last;

  WebSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A page as the browser ends up on it. */
  record Page(URI uri, int status, String body) {

    String path() {
      return uri.getPath();
    }
  }

  /** Opens a page, following redirects. */
  Page get(String path) {
    return follow(send(HttpRequest.newBuilder(resolve(path)).GET()));
  }

  /** Posts a form with the CSRF token of the last page, following redirects. */
  Page post(String path, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", csrf());
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return follow(
        send(
            HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  /** Signs in through the pages' authorization code flow; answers the page it lands on. */
  Page signIn(String email, String password) {
    Page page = get("/projects");
    if (!page.path().equals("/signin")) {
      return page;
    }
    return post("/signin", Map.of("username", email, "password", password));
  }

  /** Signs up at {@code /signup}; answers the page it lands on. */
  Page signUp(String email, String password) {
    get("/signup");
    return post("/signup", Map.of("email", email, "password", password));
  }

  /** The CSRF token of the last page's forms. */
  String csrf() {
    Matcher matcher = CSRF.matcher(last == null ? "" : last.body());
    if (!matcher.find()) {
      throw new IllegalStateException("no form with a CSRF token on " + last.uri());
    }
    return matcher.group(1);
  }

  private Page follow(HttpResponse<String> response) {
    for (int hops = 0; hops < 10; hops++) {
      int status = response.statusCode();
      if (status < 300 || status >= 400) {
        last = new Page(response.uri(), status, response.body());
        return last;
      }
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      response = send(HttpRequest.newBuilder(next).GET());
    }
    throw new IllegalStateException("too many redirects from " + response.uri());
  }

  private URI resolve(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
