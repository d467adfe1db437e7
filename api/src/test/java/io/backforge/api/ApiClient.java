package io.backforge.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running application, as a script would use it. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A token from the development issuer for the client-credentials grant. */
  public String devToken(String clientId, String secret) {
    HttpResponse<String> response = tokenRequest(clientId, secret);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token request failed: " + response.body());
    }
    return json(response.body()).get("access_token").asString();
  }

  /** The issuer's answer to a client-credentials grant, whatever it is. */
  public HttpResponse<String> tokenRequest(String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String token) {
    return send(authorized(path, token).GET(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String path, String token) {
    return send(authorized(path, token).GET(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> postJson(String path, String token, byte[] body) {
    return send(
        authorized(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postJson(
      String path, String token, byte[] body, String idempotencyKey) {
    return send(
        authorized(path, token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String token) {
    return send(
        authorized(path, token).POST(HttpRequest.BodyPublishers.noBody()),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls the project until it ends (at most 90 s) and answers its last status. */
  public JsonNode awaitEnd(String id, String token) throws InterruptedException {
    java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofSeconds(90));
    while (java.time.Instant.now().isBefore(deadline)) {
      JsonNode project = json(get("/api/projects/" + id, token).body());
      String status = project.get("status").asString();
      if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")) {
        return project;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("project " + id + " did not end in time");
  }

  public static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  private HttpRequest.Builder authorized(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
