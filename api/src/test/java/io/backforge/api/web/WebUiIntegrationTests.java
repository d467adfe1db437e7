package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.api.IntegrationTest;
import io.backforge.templates.spec.SpecJson;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages in a real browser: sign in through the development issuer, walk the wizard for the blog
 * spec typed in by hand, follow the project to SUCCEEDED, view a file, download the zip.
 */
// The same context as PageIntegrationTests (MockMvc included), so the two start the app once.
@AutoConfigureMockMvc
@TestPropertySource(properties = WebUiIntegrationTests.OWN_DATABASE)
class WebUiIntegrationTests extends IntegrationTest {

  /**
   * The page tests' own database, so that test runs of other checkouts on this machine, which clean
   * {@code backforge_test}, cannot pull the schema away under them ({@code
   * <$BACKFORGE_TEST_DB>_ui_test} when that variable is set).
   */
  static final String OWN_DATABASE =
      "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${BACKFORGE_TEST_DB:backforge}_ui_test";

  private static Browser browser;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser(@LocalServerPort int port) {
    browser = new Browser(port);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void blogSpecEnteredInTheWizardBecomesAProjectWhoseFilesCanBeViewedAndDownloaded()
      throws Exception {
    JsonNode spec = JsonMapper.builder().build().readTree(blogSpec());
    browser.signIn("/projects");
    assertThat(browser.path()).startsWith("/projects");
    browser.screenshot("dashboard");

    browser.open("/wizard");
    assertThat(browser.path()).isEqualTo("/wizard/1");
    browser.type("name", spec.get("name").asString());
    browser.type("description", spec.get("description").asString());
    new Select(browser.named("stack")).selectByValue(spec.get("stack").asString());
    browser.screenshot("wizard-1-project");
    browser.press("next");

    assertThat(browser.path()).isEqualTo("/wizard/2");
    new Select(browser.named("database")).selectByValue(spec.get("database").asString());
    browser.press("back");
    assertThat(browser.named("name").getDomProperty("value")).isEqualTo("blog-api");
    browser.press("next");
    assertThat(new Select(browser.named("database")).getFirstSelectedOption().getText())
        .isEqualTo("sqlite");
    browser.screenshot("wizard-2-database");
    browser.press("next");

    assertThat(browser.path()).startsWith("/wizard/3");
    enterEntities(spec.get("entities"));
    browser.screenshot("wizard-3-entities");
    browser.press("next");

    assertThat(browser.path()).isEqualTo("/wizard/4");
    JsonNode features = spec.get("features");
    new Select(browser.named("features.auth")).selectByValue(features.get("auth").asString());
    for (String flag : List.of("pagination", "openapi", "docker", "tests")) {
      check(browser.named("features." + flag), features.get(flag).asBoolean());
    }
    browser.screenshot("wizard-4-features");
    browser.press("next");

    assertThat(browser.path()).isEqualTo("/wizard/5");
    ValidationResult expected = new SpecValidator().validate(blogSpec());
    assertThat(browser.find(By.id("spec-json")).getText().strip())
        .isEqualTo(SpecJson.write(expected.spec()).strip());
    browser.screenshot("wizard-5-review");
    browser.clickAndWait(browser.find(By.id("generate")));

    assertThat(browser.path()).matches("/projects/[0-9a-f-]{36}");
    String projectPath = browser.path();
    browser.open("/projects");
    WebElement badge =
        browser.find(By.cssSelector("tr[data-id='" + projectPath.substring(10) + "'] .badge"));
    browser.waitUntil(
        d -> badge.getText().equals("SUCCEEDED") ? true : null, Duration.ofSeconds(60));
    browser.screenshot("dashboard-succeeded");

    browser.open(projectPath);
    assertThat(browser.find(By.id("status")).getText()).isEqualTo("SUCCEEDED");
    browser.find(By.cssSelector("#history summary")).click();
    assertThat(browser.driver().findElements(By.cssSelector("#history li")))
        .extracting(WebElement::getText)
        .anyMatch(text -> text.contains("Activity task scheduled") && text.contains("Scaffold"))
        .anyMatch(text -> text.contains("Workflow execution completed"));
    browser.screenshot("project-history");
    WebElement firstPython =
        browser.find(By.xpath("//nav[@aria-label='Generated files']//a[contains(., '.py')]"));
    browser.clickAndWait(firstPython);
    WebElement code = browser.find(By.id("file-content"));
    assertThat(code.getText()).isNotBlank();
    browser.waitUntil(
        d -> code.getDomAttribute("class").contains("hljs") ? true : null, Duration.ofSeconds(5));
    browser.screenshot("project-file-viewer");

    String download = browser.find(By.id("download")).getDomAttribute("href");
    HttpResponse<byte[]> zip =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + download))
                    .header("Cookie", "JSESSIONID=" + browser.sessionCookie())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(entries(zip.body())).contains("blog-api/backforge.json");

    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.open("/projects");
    Long overflow =
        (Long)
            browser
                .driver()
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(overflow).isLessThanOrEqualTo(0L);
    browser.screenshot("phone-dashboard");
    browser.open(projectPath);
    browser.screenshot("phone-project");
    browser.driver().manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void invalidNameIsShownNextToItsField() {
    browser.signIn("/wizard/1");
    browser.type("name", "Not Kebab");
    browser.press("next");
    assertThat(browser.path()).isEqualTo("/wizard/1");
    WebElement row = browser.named("name").findElement(By.xpath(".."));
    assertThat(row.findElement(By.className("field-error")).getText()).isNotBlank();
    browser.screenshot("wizard-validation-error");
  }

  @Test
  void unknownProjectShowsTheFriendlyNotFoundPage() {
    browser.signIn("/projects/00000000-0000-0000-0000-000000000000");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
    assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
    browser.screenshot("not-found");
  }

  private void enterEntities(JsonNode entities) {
    for (int e = 0; e < entities.size(); e++) {
      JsonNode entity = entities.get(e);
      browser.press("addEntity");
      String prefix = "entities[" + e + "]";
      browser.type(prefix + ".name", entity.get("name").asString());
      JsonNode fields = entity.get("fields");
      for (int f = 0; f < fields.size(); f++) {
        browser.press("addField:" + e);
        JsonNode field = fields.get(f);
        String p = prefix + ".fields[" + f + "]";
        browser.type(p + ".name", field.get("name").asString());
        new Select(browser.named(p + ".type")).selectByValue(field.get("type").asString());
        check(browser.named(p + ".required"), field.path("required").asBoolean(false));
        check(browser.named(p + ".unique"), field.path("unique").asBoolean(false));
        for (String constraint : List.of("min", "max", "minLength", "maxLength", "pattern")) {
          if (field.has(constraint)) {
            browser.type(p + "." + constraint, field.get(constraint).asString());
          }
        }
      }
      JsonNode relations = entity.path("relations");
      for (int r = 0; r < relations.size(); r++) {
        browser.press("addRelation:" + e);
        JsonNode relation = relations.get(r);
        String p = prefix + ".relations[" + r + "]";
        browser.type(p + ".name", relation.get("name").asString());
        new Select(browser.named(p + ".kind")).selectByValue(relation.get("kind").asString());
        browser.type(p + ".target", relation.get("target").asString());
        check(browser.named(p + ".required"), relation.path("required").asBoolean(false));
      }
    }
  }

  private static void check(WebElement checkbox, boolean checked) {
    if (checkbox.isSelected() != checked) {
      checkbox.click();
    }
  }

  private static List<String> entries(byte[] zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  private static byte[] blogSpec() throws IOException {
    try (InputStream in = WebUiIntegrationTests.class.getResourceAsStream("/specs/blog.json")) {
      return in.readAllBytes();
    }
  }
}
