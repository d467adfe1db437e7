package io.backforge.api.security;

import org.springframework.core.env.Environment;

/** Where this application listens, as seen from the same machine. */
final class LocalServer {

  private LocalServer() {}

  /**
   * {@code http://localhost:<port>} with the port the web server actually bound (a random one in
   * tests), known once it started.
   */
  static String baseUrl(Environment environment) {
    String port = environment.getProperty("local.server.port");
    if (port == null) {
      port = environment.getProperty("server.port", "8080");
    }
    return "http://localhost:" + port;
  }
}
