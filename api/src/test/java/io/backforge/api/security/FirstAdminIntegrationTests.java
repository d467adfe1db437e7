package io.backforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backforge.api.IntegrationTest;
import io.backforge.api.account.Account;
import io.backforge.api.account.Accounts;
import io.backforge.api.account.Role;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The first admin comes from configuration ({@code BACKFORGE_ADMIN_EMAIL} and password). */
// The page tests' context and database (the same two annotations), so the app starts once.
@AutoConfigureMockMvc
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${BACKFORGE_TEST_DB:backforge}_ui_test")
class FirstAdminIntegrationTests extends IntegrationTest {

  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  private final String email = "first-admin-" + UUID.randomUUID() + "@example.org";

  @AfterEach
  void remove() {
    jdbc.sql("DELETE FROM users WHERE lower(email) = lower(:email)").param("email", email).update();
  }

  @Test
  void theConfiguredAdminIsCreatedWithTheConfiguredPassword() throws Exception {
    start(email, "a long admin pass phrase");

    Account admin = accounts.findByEmail(email).orElseThrow();
    assertThat(admin.role()).isEqualTo(Role.ADMIN);
    assertThat(admin.enabled()).isTrue();
  }

  @Test
  void anExistingAccountWithTheConfiguredEmailIsMadeAdmin() throws Exception {
    assertThat(accounts.signUp(email, "a long user pass phrase").created()).isTrue();

    start(email.toUpperCase(java.util.Locale.ROOT), null);

    assertThat(accounts.findByEmail(email).orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void aWeakConfiguredAdminPasswordStopsTheStart() {
    assertThatThrownBy(() -> start(email, "short"))
        .hasMessageContaining("too weak")
        .hasMessageContaining("at least 12 characters");
    assertThat(accounts.findByEmail(email)).isEmpty();
  }

  private void start(String adminEmail, String adminPassword) throws Exception {
    IssuerProperties properties =
        new IssuerProperties(
            true,
            "http://localhost:8080",
            null,
            Duration.ofMinutes(15),
            Duration.ofSeconds(5),
            true,
            adminEmail,
            adminPassword,
            "backforge-web",
            null,
            5,
            20,
            Duration.ofMinutes(15));
    new IssuerConfiguration(properties).firstAdmin(accounts).run(null);
  }
}
