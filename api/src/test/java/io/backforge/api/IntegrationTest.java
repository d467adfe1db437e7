package io.backforge.api;

import java.io.IOException;
import java.net.ServerSocket;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, against the real
 * PostgreSQL (database {@code backforge_test}, or {@code $BACKFORGE_TEST_DB}; schema wiped and
 * migrated once per context) and a real Temporal test server that the application starts in-process
 * on a free port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"dev", "test"})
@Import(IntegrationTest.FreshSchema.class)
public abstract class IntegrationTest {

  @DynamicPropertySource
  static void temporalOnAFreePort(DynamicPropertyRegistry registry) {
    int port = freePort();
    registry.add("backforge.temporal.target", () -> "localhost:" + port);
  }

  /** The test database: {@code $BACKFORGE_TEST_DB}, so that parallel checkouts keep apart. */
  static String testDatabase() {
    String name = System.getenv("BACKFORGE_TEST_DB");
    return name == null || name.isBlank() ? "backforge_test" : name;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh schema for each application context. */
  @TestConfiguration
  static class FreshSchema {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return (Flyway flyway) -> {
        flyway.clean();
        flyway.migrate();
      };
    }
  }
}
