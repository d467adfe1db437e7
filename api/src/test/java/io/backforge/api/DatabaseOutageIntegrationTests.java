package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application reaches PostgreSQL through a proxy that the test takes down and back up. */
class DatabaseOutageIntegrationTests extends IntegrationTest {

  static final TcpProxy DATABASE = new TcpProxy(freePort(), "127.0.0.1", 5432);

  @DynamicPropertySource
  static void databaseThroughTheProxy(DynamicPropertyRegistry registry) throws IOException {
    DATABASE.start();
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:postgresql://127.0.0.1:" + DATABASE.port() + "/" + testDatabase());
    registry.add("spring.datasource.hikari.connection-timeout", () -> "1500");
    registry.add("backforge.roles", () -> "web");
  }

  @AfterAll
  static void closeProxy() throws IOException {
    DATABASE.close();
  }

  @LocalServerPort int port;
  @Autowired TestTokens tokens;
  @Autowired JdbcClient jdbc;

  @Test
  void whileTheDatabaseIsDownTheApiAnswers503AndStoresNothing() throws Exception {
    ApiClient api = new ApiClient(port);
    String token = tokens.forSubject("outage-owner");
    assertThat(api.get("/api/projects", token).statusCode()).isEqualTo(200);

    DATABASE.stop();
    HttpResponse<String> listing = api.get("/api/projects", token);
    HttpResponse<String> submission =
        api.postJson("/api/projects", token, ProjectApiIntegrationTests.spec("library.json"));
    HttpResponse<String> tokenGrant = api.tokenRequest("bf_personal_client", "some-secret");
    DATABASE.start();

    assertThat(listing.statusCode()).isEqualTo(503);
    assertThat(listing.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(ApiClient.json(listing.body()).get("type").asString())
        .isEqualTo("/problems/unavailable");
    assertThat(submission.statusCode()).isEqualTo(503);
    assertThat(tokenGrant.statusCode()).as(tokenGrant.body()).isEqualTo(503);
    assertThat(tokenGrant.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(ApiClient.json(tokenGrant.body()).get("type").asString())
        .isEqualTo("/problems/unavailable");
    assertThat(statusOnceRecovered(api, token)).isEqualTo(200);
    assertThat(
            jdbc.sql("SELECT count(*) FROM projects WHERE owner = 'outage-owner'")
                .query(Long.class)
                .single())
        .isZero();
  }

  private static int statusOnceRecovered(ApiClient api, String token) throws InterruptedException {
    int status = 0;
    for (int i = 0; i < 100 && status != 200; i++) {
      status = api.get("/api/projects", token).statusCode();
      Thread.sleep(200);
    }
    return status;
  }
}
