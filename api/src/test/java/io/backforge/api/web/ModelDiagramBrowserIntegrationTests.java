package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The model's entity-relationship diagram in a real browser: on the wizard's review step (also for
 * a draft that does not validate yet) and on the project page, at desktop and phone size.
 */
class ModelDiagramBrowserIntegrationTests extends BrowserIntegrationTest {

  /** An author who mentors authors (a self-relation), a book with an author and an editor. */
  private static final String SPEC =
      """
      { "name": "diagram-check", "stack": "flask", "database": "sqlite",
        "entities": [
          { "name": "Author",
            "fields": [ { "name": "name", "type": "string", "required": true },
                        { "name": "email", "type": "string", "unique": true } ],
            "relations": [ { "name": "mentor", "kind": "many-to-one", "target": "Author" } ] },
          { "name": "Book",
            "fields": [ { "name": "title", "type": "string", "required": true },
                        { "name": "price", "type": "decimal" } ],
            "relations": [
              { "name": "author", "kind": "many-to-one", "target": "Author", "required": true },
              { "name": "editor", "kind": "many-to-one", "target": "Author" } ] } ],
        "features": { "auth": "none", "pagination": true, "openapi": true, "docker": false,
                      "tests": true } }
      """;

  @Test
  void reviewStepAndProjectPageDrawTheModelAndFitAPhoneScreen() {
    importSpec(SPEC);
    browser.open("/wizard/5");

    assertDiagram("Model: 2 entities, 3 relations");
    assertThat(edgeLabels())
        .containsExactlyInAnyOrder(
            "mentor (many-to-one)", "author (many-to-one)", "editor (many-to-one)");
    browser.screenshot("wizard-5-diagram");
    onPhone(() -> browser.screenshot("phone-wizard-5-diagram"));

    browser.clickAndWait(browser.find(By.id("generate")));
    assertThat(browser.path()).matches("/projects/[0-9a-f-]{36}");
    assertDiagram("Model: 2 entities, 3 relations");
    browser.screenshot("project-diagram");
    onPhone(() -> browser.screenshot("phone-project-diagram"));
  }

  @Test
  void draftThatDoesNotValidateYetDrawsItsNamedEntitiesAndTheRelationsWhoseTargetExists() {
    importSpec(
        """
        { "name": "Not A Valid Name", "stack": "flask",
          "entities": [
            { "name": "Shelf", "fields": [ { "name": "label", "type": "string" } ] },
            { "name": "Book", "fields": [ { "name": "title", "type": "string" } ],
              "relations": [
                { "name": "shelf", "kind": "many-to-one", "target": "Shelf" },
                { "name": "author", "kind": "many-to-one", "target": "Author" } ] } ] }
        """);
    browser.open("/wizard/5");

    assertThat(browser.driver().getPageSource()).contains("The spec does not validate yet");
    assertDiagram("Model: 2 entities, 1 relation");
    assertThat(edgeLabels()).containsExactly("shelf (many-to-one)");
    browser.screenshot("wizard-5-diagram-invalid-draft");
  }

  private void assertDiagram(String summary) {
    WebElement svg = browser.find(By.cssSelector("svg#model-diagram"));
    assertThat(svg.isDisplayed()).isTrue();
    assertThat(svg.getDomAttribute("role")).isEqualTo("img");
    assertThat(svg.getDomAttribute("aria-label")).isEqualTo(summary);
    assertThat(svg.getRect().getWidth()).isGreaterThan(100);
    List<String> entities =
        browser.driver().findElements(By.cssSelector("svg#model-diagram .er-name")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(entities).isNotEmpty();
    assertThat(summary).startsWith("Model: " + entities.size() + " entities");
    for (String name : entities) {
      assertThat(svg.getText()).contains(name);
    }
  }

  private List<String> edgeLabels() {
    return browser.driver().findElements(By.cssSelector("svg#model-diagram .er-label")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Runs {@code check} at a phone's size after checking the page does not scroll sideways. */
  private void onPhone(Runnable check) {
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    try {
      browser.driver().navigate().refresh();
      assertThat(browser.overflow()).isLessThanOrEqualTo(0L);
      WebElement scroller = browser.find(By.cssSelector(".diagram-scroll"));
      assertThat(scroller.getRect().getWidth()).isLessThanOrEqualTo(390);
      browser.driver().executeScript("arguments[0].scrollIntoView()", scroller);
      check.run();
    } finally {
      browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  /** Starts the wizard again from {@code json}, pasted into the import form. */
  private void importSpec(String json) {
    browser.signIn("/wizard/1");
    browser.clickAndWait(browser.find(By.cssSelector("form[action$='/wizard/reset'] button")));
    WebElement field = browser.find(By.id("import-json"));
    browser.driver().executeScript("arguments[0].value = arguments[1];", field, json);
    browser.clickAndWait(browser.find(By.cssSelector("form[action$='/wizard/import'] button")));
    assertThat(browser.path()).isEqualTo("/wizard/1");
  }
}
