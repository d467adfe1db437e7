package io.backforge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The platform's HTTP API as the bench drivers use it: a token, then authorized requests. */
final class PlatformClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private String token;

  PlatformClient(String base) {
    this.base = base;
  }

  /** Signs in with the client credentials grant of the development issuer (or any client). */
  void signIn(String clientId, String secret) throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    token = JSON.readTree(response.body()).get("access_token").asText();
  }

  /** A request to {@code path} with the bearer token and a 70 s timeout. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(70))
        .header("Authorization", "Bearer " + token);
  }

  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return http.send(request, body);
  }

  /** {@code POST /api/projects} with {@code spec}: the response, whatever its status. */
  HttpResponse<String> submit(byte[] spec) throws IOException, InterruptedException {
    return send(
        request("/api/projects")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(spec))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET /api/projects/{id}}, waiting up to {@code waitSeconds} for the project's end. */
  JsonNode project(String id, int waitSeconds) throws IOException, InterruptedException {
    String query = waitSeconds > 0 ? "?wait=" + waitSeconds : "";
    return JSON.readTree(
        send(
                request("/api/projects/" + id + query).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  /** {@code --name value} pairs of a command line. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
