package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.backforge.api.ApiClient;
import io.backforge.api.IntegrationTest;
import io.backforge.api.account.Accounts;
import io.backforge.api.account.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Accounts end to end, as a person and their scripts use them: sign-up and sign-in through the
 * pages (real HTTP, through the issuer's authorization code flow), personal credentials at {@code
 * /oauth2/token}, projects that show in their owner's list only, revocation, disabled accounts, an
 * admin's view, the sign-up form's field errors and the sign-in throttle.
 */
// The same context as the page tests (MockMvc, their own database), so they start the app once.
@AutoConfigureMockMvc
@TestPropertySource(properties = WebUiIntegrationTests.OWN_DATABASE)
class AccountIntegrationTests extends IntegrationTest {

  private static final String PASSWORD = "correct horse battery";
  private static final Pattern CLIENT_ID = Pattern.compile("id=\"client-id\">([^<]+)<");
  private static final Pattern CLIENT_SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  private final List<String> emails = new ArrayList<>();
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @AfterEach
  void removeAccounts() {
    for (String email : emails) {
      accounts
          .findByEmail(email)
          .ifPresent(
              account -> {
                jdbc.sql("DELETE FROM projects WHERE owner = :owner")
                    .param("owner", account.id().toString())
                    .update();
                jdbc.sql("DELETE FROM api_credentials WHERE user_id = :id")
                    .param("id", account.id())
                    .update();
                jdbc.sql("DELETE FROM users WHERE id = :id").param("id", account.id()).update();
              });
    }
  }

  @Test
  void aSignedUpUsersCredentialsSubmitProjectsThatOnlyTheirOwnListShows() throws Exception {
    WebSession alice = signedUp("alice");
    WebSession bob = signedUp("bob");
    String aliceId = id("alice");

    String[] credentials = createCredentials(alice, "CI");
    String token = api.devToken(credentials[0], credentials[1]);
    JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(aliceId);
    assertThat(claims.getStringListClaim("roles")).containsExactly("USER");

    String project = submit(token);

    assertThat(alice.get("/projects").body()).contains(project);
    assertThat(bob.get("/projects").body()).doesNotContain(project).contains("No projects yet");
    String bobToken = api.devToken(createCredentials(bob, "laptop")[0], lastSecret);
    assertThat(api.get("/api/projects/" + project, bobToken).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/projects", token).body()).contains(project);
    assertThat(alice.get("/projects/" + project).status()).isEqualTo(200);
    assertThat(bob.get("/projects/" + project).status()).isEqualTo(404);
  }

  @Test
  void revokedCredentialsGetNoTokenAndTheirTokensAreRefused() throws Exception {
    WebSession carol = signedUp("carol");
    String[] credentials = createCredentials(carol, "script");
    String token = api.devToken(credentials[0], credentials[1]);
    assertThat(api.get("/api/projects", token).statusCode()).isEqualTo(200);
    String credentialId = JWTParser.parse(token).getJWTClaimsSet().getStringClaim("cred");

    WebSession.Page page = carol.post("/account/credentials/" + credentialId + "/revoke", Map.of());

    assertThat(page.path()).isEqualTo("/account/credentials");
    assertThat(page.body()).doesNotContain(credentials[0]);
    assertThat(api.get("/api/projects", token).statusCode()).isEqualTo(401);
    assertThatThrownBy(() -> api.devToken(credentials[0], credentials[1]))
        .hasMessageContaining("invalid_client");
  }

  @Test
  void aDisabledUsersTokensSessionAndSignInStopWorkingAtOnce() {
    WebSession admin = signedInAdmin("admin-disables");
    WebSession dave = signedUp("dave");
    String token = api.devToken(createCredentials(dave, "ci")[0], lastSecret);
    assertThat(api.get("/api/projects", token).statusCode()).isEqualTo(200);

    admin.get("/admin/users");
    WebSession.Page users = admin.post("/admin/users/" + id("dave") + "/disable", Map.of());

    assertThat(users.path()).isEqualTo("/admin/users");
    assertThat(api.get("/api/projects", token).statusCode()).isEqualTo(401);
    WebSession.Page signedOut = dave.get("/projects");
    assertThat(signedOut.path()).isEqualTo("/signin");
    assertThat(signedOut.body()).contains("Your account has been disabled");
    assertThat(new WebSession(port).signIn(email("dave"), PASSWORD).body())
        .contains("Wrong email or password, or the account is disabled");
  }

  @Test
  void anAdminSeesAndCancelsEveryUsersProjectsAndOthersDoNot() throws Exception {
    WebSession erin = signedUp("erin");
    WebSession frank = signedUp("frank");
    String erins = submit(api.devToken(createCredentials(erin, "ci")[0], lastSecret));
    String franksToken = api.devToken(createCredentials(frank, "ci")[0], lastSecret);
    String franks = submit(franksToken);
    WebSession admin = signedInAdmin("admin-sees");
    String adminToken = api.devToken(createCredentials(admin, "ops")[0], lastSecret);

    assertThat(admin.get("/projects").body())
        .contains(erins, franks)
        .contains(email("erin"), email("frank"));
    assertThat(api.get("/api/projects?all=true&size=100", adminToken).body())
        .contains(erins, franks);
    WebSession.Page erinsPage = admin.get("/projects/" + erins);
    assertThat(erinsPage.status()).isEqualTo(200);
    assertThat(erinsPage.body()).doesNotContain("Regenerate from the stored spec");
    assertThat(erin.get("/projects/" + erins).body()).contains("Regenerate from the stored spec");
    assertThat(api.get("/api/projects/" + erins, adminToken).statusCode()).isEqualTo(200);
    assertThat(api.post("/api/projects/" + erins + "/cancel", adminToken).statusCode())
        .isIn(202, 409);
    assertThat(api.get("/api/projects?all=true", franksToken).statusCode()).isEqualTo(403);
    assertThat(api.get("/api/projects/" + erins, franksToken).statusCode()).isEqualTo(404);
    assertThat(frank.get("/admin/users").status()).isEqualTo(403);
    assertThat(admin.get("/admin/users").body()).contains(email("erin"), email("frank"));
  }

  @Test
  void weakPasswordsAndTakenEmailsAreFieldErrorsOnTheSignUpForm() throws Exception {
    String tooShort = signUpForm("", "short").getContentAsString();
    assertThat(tooShort)
        .contains("Enter your email address.")
        .contains("Use at least 12 characters")
        .contains("aria-invalid=\"true\"");

    String known = signUpForm(email("grace"), "password1234").getContentAsString();
    assertThat(known).contains("This password is too well known");

    String ownName = signUpForm(email("grace"), "grace-" + email("grace")).getContentAsString();
    assertThat(ownName).contains("Do not use your email address in the password.");

    assertThat(signUpForm(email("grace"), PASSWORD).getRedirectedUrl())
        .isEqualTo("/signin?registered");
    String taken =
        signUpForm(email("grace").toUpperCase(java.util.Locale.ROOT), PASSWORD)
            .getContentAsString();
    assertThat(taken).contains("An account with this email already exists");
    assertThat(
            jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = :email")
                .param("email", email("grace"))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void repeatedFailedSignInsLockTheAccountEvenForTheRightPassword() throws Exception {
    signUpForm(email("heidi"), PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertThat(signInForm(email("heidi"), "wrong password " + i, "10.0.0.1").getRedirectedUrl())
          .isEqualTo("/signin?error");
    }

    MockHttpServletResponse locked = signInForm(email("heidi"), PASSWORD, "10.0.0.2");

    assertThat(locked.getRedirectedUrl()).startsWith("/signin?locked=");
    assertThat(new WebSession(port).get(locked.getRedirectedUrl()).body())
        .contains("Too many failed sign-ins");
  }

  @Test
  void repeatedFailedSignInsFromOneAddressAreRefusedForEveryAccount() throws Exception {
    signUpForm(email("ivan"), PASSWORD);
    for (int i = 0; i < 20; i++) {
      signInForm("nobody-" + i + "@example.org", "wrong password", "10.0.1.1");
    }

    assertThat(signInForm(email("ivan"), PASSWORD, "10.0.1.1").getRedirectedUrl())
        .startsWith("/signin?locked=");
    assertThat(signInForm(email("ivan"), PASSWORD, "10.0.1.2").getRedirectedUrl())
        .doesNotContain("locked")
        .doesNotContain("error");
  }

  @Test
  void signingOutOfThePagesAlsoEndsTheIssuersSession() {
    WebSession judy = signedUp("judy");
    assertThat(judy.get("/projects").path()).isEqualTo("/projects");

    WebSession.Page out = judy.post("/logout", Map.of());

    assertThat(out.path()).isEqualTo("/");
    assertThat(judy.get("/projects").path()).isEqualTo("/signin");
  }

  private String lastSecret;

  private String[] createCredentials(WebSession session, String name) {
    session.get("/account/credentials");
    String body = session.post("/account/credentials", Map.of("name", name)).body();
    String clientId = group(CLIENT_ID, body);
    lastSecret = group(CLIENT_SECRET, body);
    assertThat(session.get("/account/credentials").body())
        .contains(clientId)
        .doesNotContain(lastSecret);
    return new String[] {clientId, lastSecret};
  }

  private WebSession signedUp(String name) {
    WebSession session = new WebSession(port);
    WebSession.Page registered = session.signUp(email(name), PASSWORD);
    assertThat(registered.path()).isEqualTo("/signin");
    WebSession.Page page = session.signIn(email(name), PASSWORD);
    assertThat(page.path()).isEqualTo("/projects");
    assertThat(page.body()).contains(email(name));
    return session;
  }

  private WebSession signedInAdmin(String name) {
    accounts.ensure(null, email(name), PASSWORD, Role.ADMIN, false, false);
    WebSession session = new WebSession(port);
    assertThat(session.signIn(email(name), PASSWORD).path()).isEqualTo("/projects");
    return session;
  }

  private String submit(String token) {
    HttpResponse<String> response = api.postJson("/api/projects", token, spec());
    assertThat(response.statusCode()).isEqualTo(202);
    return ApiClient.json(response.body()).get("id").asString();
  }

  private MockHttpServletResponse signUpForm(String email, String password) throws Exception {
    emails.add(email.toLowerCase(java.util.Locale.ROOT));
    return mvc.perform(
            post("/signup").param("email", email).param("password", password).with(csrf()))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse signInForm(String email, String password, String address)
      throws Exception {
    return mvc.perform(
            post("/signin")
                .param("username", email)
                .param("password", password)
                .with(csrf())
                .with(from(address)))
        .andReturn()
        .getResponse();
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private String email(String name) {
    String email = name + "-" + run + "@example.org";
    if (!emails.contains(email)) {
      emails.add(email);
    }
    return email;
  }

  private String id(String name) {
    return accounts.findByEmail(email(name)).orElseThrow().id().toString();
  }

  private static String group(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
    return matcher.group(1);
  }

  private static byte[] spec() {
    try (InputStream in =
        AccountIntegrationTests.class.getResourceAsStream("/specs/library.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
