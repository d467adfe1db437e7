package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages in a real browser: sign in through the development issuer, walk the wizard for the blog
 * spec typed in by hand (entities added and removed in place by the page's script), follow the
 * project to SUCCEEDED, view a file, download the zip; live checks, drafts across a reload, a
 * phone-sized window and the keyboard.
 */
class WebUiIntegrationTests extends BrowserIntegrationTest {

  /**
   * The page tests' own database, so that test runs of other checkouts on this machine, which clean
   * {@code backforge_test}, cannot pull the schema away under them ({@code
   * <$BACKFORGE_TEST_DB>_ui_test} when that variable is set).
   */
  static final String OWN_DATABASE =
      "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${BACKFORGE_TEST_DB:backforge}_ui_test";

  @Test
  void blogSpecEnteredInTheWizardBecomesAProjectWhoseFilesCanBeViewedAndDownloaded()
      throws Exception {
    JsonNode spec = JsonMapper.builder().build().readTree(blogSpec());
    browser.signIn("/projects");
    assertThat(browser.path()).startsWith("/projects");
    browser.screenshot("dashboard");

    startOver();
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
    browser.markPage();
    enterEntities(spec.get("entities"));
    assertThat(browser.pageStillMarked()).as("rows were added and removed in place").isTrue();
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
  void liveCheckShowsTheValidatorsMessageNextToTheFieldWithoutSubmitting() {
    startOver();
    browser.open("/wizard/3");
    browser.markPage();
    browser.press("addEntity");
    browser.type("entities[0].name", "not pascal");
    WebElement messages = browser.find(By.id("err-entities[0].name"));
    browser.waitUntil(d -> messages.getText().isBlank() ? null : true, Duration.ofSeconds(10));
    WebElement name = browser.named("entities[0].name");
    assertThat(name.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(name.getDomAttribute("aria-describedby")).isEqualTo("err-entities[0].name");
    assertThat(browser.find(By.id("err-entities[0].fields")).getText())
        .as("a problem with what was not touched yet waits")
        .isBlank();
    assertThat(browser.pageStillMarked()).as("nothing was submitted").isTrue();
    browser.screenshot("wizard-live-check");

    browser.type("entities[0].name", "Author");
    browser.waitUntil(d -> messages.getText().isBlank() ? true : null, Duration.ofSeconds(10));
    assertThat(name.getDomAttribute("aria-invalid")).isNull();
  }

  @Test
  void reloadOrLeavingKeepsTheDraftIncludingEntitiesAddedInPlace() {
    startOver();
    browser.type("name", "kept-on-reload");
    browser.waitUntilSaved();
    browser.driver().navigate().refresh();
    assertThat(browser.named("name").getDomProperty("value")).isEqualTo("kept-on-reload");

    browser.type("description", "typed just before leaving");
    browser.clickAndWait(browser.find(By.linkText("2. Database")));
    browser.open("/wizard/1");
    assertThat(browser.named("description").getDomProperty("value"))
        .isEqualTo("typed just before leaving");

    browser.open("/wizard/3");
    browser.press("addEntity");
    browser.type("entities[0].name", "Kept");
    browser.press("addField:0");
    browser.type("entities[0].fields[0].name", "label");
    browser.waitUntilSaved();
    browser.driver().navigate().refresh();
    assertThat(browser.named("entities[0].name").getDomProperty("value")).isEqualTo("Kept");
    assertThat(browser.named("entities[0].fields[0].name").getDomProperty("value"))
        .isEqualTo("label");
  }

  @Test
  void wizardFitsAPhoneScreenAndItsEntitiesStepWorksFromTheKeyboard() {
    startOver();
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    try {
      browser.type("name", "phone-check");
      assertThat(browser.overflow()).isLessThanOrEqualTo(0L);
      browser.screenshot("phone-wizard-1-project");

      browser.open("/wizard/3");
      browser.find(By.cssSelector("#add-entity button")).sendKeys(Keys.ENTER);
      WebElement focused = browser.driver().switchTo().activeElement();
      assertThat(focused.getDomAttribute("name")).isEqualTo("entities[0].name");
      focused.sendKeys("Author");
      browser.find(By.cssSelector("button[value='addField:0']")).sendKeys(Keys.ENTER);
      focused = browser.driver().switchTo().activeElement();
      assertThat(focused.getDomAttribute("name")).isEqualTo("entities[0].fields[0].name");
      focused.sendKeys("name");
      browser.find(By.cssSelector("button[value='addRelation:0']")).sendKeys(Keys.ENTER);
      assertThat(
              new Select(browser.named("entities[0].relations[0].target"))
                  .getOptions().stream().map(WebElement::getText))
          .contains("Author");
      assertThat(browser.overflow()).isLessThanOrEqualTo(0L);
      browser.screenshot("phone-wizard-3-entities");

      browser.open("/wizard/5");
      assertThat(browser.overflow()).isLessThanOrEqualTo(0L);
      browser.screenshot("phone-wizard-5-review");
    } finally {
      browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Test
  void unknownProjectShowsTheFriendlyNotFoundPage() {
    browser.signIn("/projects/00000000-0000-0000-0000-000000000000");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
    assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
    browser.screenshot("not-found");
  }

  /** Starts the wizard again with an empty draft, as the tests share one browser session. */
  private void startOver() {
    browser.signIn("/wizard/1");
    browser.clickAndWait(browser.find(By.cssSelector("form[action$='/wizard/reset'] button")));
    assertThat(browser.path()).isEqualTo("/wizard/1");
  }

  /**
   * Enters {@code entities} in place, after a scratch entity that is removed at the end, so every
   * row is renumbered before the form is posted; relations come last, when their target selects
   * offer all entities added in place.
   */
  private void enterEntities(JsonNode entities) {
    browser.press("addEntity");
    browser.type("entities[0].name", "Scratch");
    assertThat(browser.find(By.cssSelector("button[value='removeEntity:0']")).getText())
        .isEqualTo("Remove entity Scratch");
    browser.press("addField:0");
    browser.type("entities[0].fields[0].name", "junk");
    List<String> names = new ArrayList<>();
    for (int e = 0; e < entities.size(); e++) {
      JsonNode entity = entities.get(e);
      int index = e + 1;
      browser.press("addEntity");
      String prefix = "entities[" + index + "]";
      browser.type(prefix + ".name", entity.get("name").asString());
      names.add(entity.get("name").asString());
      JsonNode fields = entity.get("fields");
      for (int f = 0; f < fields.size(); f++) {
        browser.press("addField:" + index);
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
    }
    for (int e = 0; e < entities.size(); e++) {
      JsonNode relations = entities.get(e).path("relations");
      String prefix = "entities[" + (e + 1) + "]";
      for (int r = 0; r < relations.size(); r++) {
        browser.press("addRelation:" + (e + 1));
        JsonNode relation = relations.get(r);
        String p = prefix + ".relations[" + r + "]";
        browser.type(p + ".name", relation.get("name").asString());
        new Select(browser.named(p + ".kind")).selectByValue(relation.get("kind").asString());
        Select target = new Select(browser.named(p + ".target"));
        assertThat(target.getOptions().stream().map(WebElement::getText)).containsAll(names);
        target.selectByValue(relation.get("target").asString());
        check(browser.named(p + ".required"), relation.path("required").asBoolean(false));
      }
    }
    browser.press("removeField:0:0");
    assertThat(browser.driver().findElements(By.name("entities[0].fields[0].name"))).isEmpty();
    browser.press("removeEntity:0");
    assertThat(browser.named("entities[0].name").getDomProperty("value")).isEqualTo(names.get(0));
    assertThat(browser.driver().findElements(By.name("entities[" + names.size() + "].name")))
        .isEmpty();
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
