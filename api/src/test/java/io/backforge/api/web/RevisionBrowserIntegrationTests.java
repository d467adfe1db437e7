package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Revisions in a real browser: a project made from the library spec, "New revision" opens the
 * wizard on its spec, the revision's page shows its parent and its changes file by file (escaped),
 * the parent's page lists the revision, and "Regenerate" records the project it regenerates.
 */
class RevisionBrowserIntegrationTests extends BrowserIntegrationTest {

  private static final String DESCRIPTION = "Books, their authors and <em>pages</em>";

  @Test
  void aRevisionMadeInTheWizardShowsItsParentAndItsChangesFileByFile() throws Exception {
    String parent = projectFromTheLibrarySpec();
    awaitSucceeded();

    browser.clickAndWait(browser.find(By.id("new-revision")));

    assertThat(browser.path()).isEqualTo("/wizard/1");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("New revision");
    assertThat(browser.find(By.cssSelector("#revision-of a")).getDomAttribute("href"))
        .isEqualTo(parent);
    assertThat(browser.named("name").getDomProperty("value")).isEqualTo("library-service");
    browser.type("description", DESCRIPTION);
    browser.press("next");
    browser.open("/wizard/5");
    WebElement generate = browser.find(By.id("generate"));
    assertThat(generate.getText()).isEqualTo("Generate the revision");
    browser.clickAndWait(generate);

    assertThat(browser.path()).matches("/projects/[0-9a-f-]{36}").isNotEqualTo(parent);
    String revision = browser.path();
    WebElement parentRow = browser.find(By.cssSelector("#lineage tr.ancestor"));
    assertThat(parentRow.getText()).startsWith("Parent").contains("library-service");
    assertThat(parentRow.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo(parent);
    awaitSucceeded();
    browser.open(revision);
    WebElement readme = browser.find(By.cssSelector("#changes details[data-path='README.md']"));
    assertThat(readme.getDomAttribute("data-change")).isEqualTo("MODIFIED");
    readme.findElement(By.tagName("summary")).click();
    assertThat(readme.findElements(By.cssSelector(".diff-added")))
        .extracting(WebElement::getText)
        .anyMatch(line -> line.startsWith("+") && line.contains("pages"));
    assertThat(readme.findElements(By.cssSelector(".diff-removed")))
        .extracting(WebElement::getText)
        .anyMatch(line -> line.startsWith("-") && line.contains("Books and their authors"));
    WebElement spec = browser.find(By.cssSelector("#changes details[data-path='backforge.json']"));
    spec.findElement(By.tagName("summary")).click();
    assertThat(spec.getText()).contains("<em>pages</em>");
    assertThat(browser.driver().findElements(By.cssSelector("#changes em"))).isEmpty();
    browser.screenshot("revision-changes");
    HttpResponse<String> whole =
        withSession(browser.find(By.cssSelector("#changes a[href*='/diff?from=']")));
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
    assertThat(whole.body()).startsWith("diff --git a/").contains("+++ b/README.md");

    browser.open(parent);
    WebElement revisionRow = browser.find(By.cssSelector("#lineage tr.revision"));
    assertThat(revisionRow.findElement(By.tagName("a")).getDomAttribute("href"))
        .isEqualTo(revision);
    assertThat(browser.driver().findElements(By.id("changes"))).isEmpty();
  }

  @Test
  void regeneratingRecordsTheProjectItRegeneratesAsItsParent() throws IOException {
    String parent = projectFromTheLibrarySpec();
    awaitSucceeded();

    browser.clickAndWait(
        browser.find(By.cssSelector("form[action$='/regenerate'] button[type=submit]")));

    assertThat(browser.path()).isNotEqualTo(parent);
    assertThat(browser.find(By.cssSelector("#lineage tr.ancestor a")).getDomAttribute("href"))
        .isEqualTo(parent);
    awaitSucceeded();
    assertThat(browser.find(By.id("changes")).getText())
        .contains("The generated files are the same as the parent's.");
  }

  /** Imports the library spec into a fresh wizard and generates it; answers the project's path. */
  private String projectFromTheLibrarySpec() throws IOException {
    browser.signIn("/wizard/1");
    browser.clickAndWait(browser.find(By.cssSelector("form[action$='/wizard/reset'] button")));
    browser
        .driver()
        .executeScript(
            "document.getElementById('import-json').value = arguments[0];",
            new String(
                RevisionBrowserIntegrationTests.class
                    .getResourceAsStream("/specs/library.json")
                    .readAllBytes(),
                StandardCharsets.UTF_8));
    browser.clickAndWait(browser.find(By.cssSelector("form[action$='/wizard/import'] button")));
    browser.open("/wizard/5");
    browser.clickAndWait(browser.find(By.id("generate")));
    assertThat(browser.path()).matches("/projects/[0-9a-f-]{36}");
    return browser.path();
  }

  /** Waits until the open project page says SUCCEEDED, then loads it afresh. */
  private void awaitSucceeded() {
    String path = browser.path();
    browser.waitUntil(
        d -> {
          try {
            return browser.find(By.id("status")).getText().equals("SUCCEEDED") ? true : null;
          } catch (StaleElementReferenceException replacedMeanwhile) {
            return null;
          }
        },
        Duration.ofSeconds(90));
    browser.open(path);
  }

  private HttpResponse<String> withSession(WebElement link) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + link.getDomAttribute("href")))
                .header("Cookie", "JSESSIONID=" + browser.sessionCookie())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
