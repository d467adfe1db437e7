package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.ProjectStore;
import io.backforge.api.security.DevIssuerProperties;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepProgress;
import io.backforge.workflows.StepState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live progress in a real browser: the project page and the dashboard follow a running project
 * through its event stream, without reloading, and fall back to polling beyond the live limit. The
 * project is moved through its steps by hand, as the workers' reports would move it, so each change
 * is seen as it happens.
 */
class LiveProgressBrowserIntegrationTests extends BrowserIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired ProjectStore projects;
  @Autowired BlobStore blobs;
  @Autowired DevIssuerProperties dev;
  @Autowired JdbcClient jdbc;

  private final List<UUID> created = new ArrayList<>();

  @BeforeEach
  void signIn() {
    browser.signIn("/projects");
  }

  @AfterEach
  void cleanUp() {
    browser.open("/");
    if (!created.isEmpty()) {
      jdbc.sql("DELETE FROM projects WHERE id IN (:ids)").param("ids", created).update();
    }
  }

  @Test
  void theProjectPageOfARunningProjectFollowsItsStepsAndEndsSucceededWithoutAReload() {
    UUID id = stored();
    projects.markRunning(id);
    browser.open("/projects/" + id);
    WebElement main = browser.find(By.id("main"));
    browser.waitUntil(
        d -> "true".equals(main.getDomAttribute("data-live")) ? true : null, PATIENCE);
    browser.markPage();

    projects.stepStarted(id, Step.VALIDATE_SPEC, 1);
    awaitStep("validate-spec", "RUNNING");
    projects.stepEnded(id, Step.VALIDATE_SPEC, StepState.SUCCEEDED, null);
    awaitStep("validate-spec", "SUCCEEDED");
    projects.stepStarted(id, Step.CREATE_FEATURES, 1);
    projects.stepEnded(id, Step.CREATE_FEATURES, StepState.RUNNING, "database busy");
    WebElement error = stepRow("create-features").findElement(By.className("error"));
    browser.waitUntil(d -> error.getText().equals("database busy") ? true : null, PATIENCE);
    assertThat(stepRow("validate-spec").findElement(By.className("step-attempts")).getText())
        .isEqualTo("1");
    assertThat(stepRow("validate-spec").findElement(By.className("step-duration")).getText())
        .matches("\\d+ ms|\\d+\\.\\d s");
    assertThat(browser.find(By.id("status")).getText()).isEqualTo("RUNNING");
    assertThat(browser.pageStillMarked()).as("the page was not reloaded while running").isTrue();
    browser.screenshot("live-project-running");

    String zip = blobs.put("not really a zip".getBytes(StandardCharsets.UTF_8));
    projects.recordOutcome(id, succeeded(), zip, 16L);

    // at the end the page's content is swapped for the server's: elements found before go stale
    browser.waitUntil(d -> "SUCCEEDED".equals(textOf(By.id("status"))) ? true : null, PATIENCE);
    browser.waitUntil(d -> d.findElements(By.id("download")).isEmpty() ? null : true, PATIENCE);
    assertThat(browser.pageStillMarked()).as("the page was not reloaded at the end").isTrue();
    assertThat(stepRow("zip").findElement(By.className("step-state")).getText())
        .isEqualTo("SUCCEEDED");
    assertThat(stepRow("zip").findElement(By.className("step-detail")).getText())
        .isEqualTo("Zip done");
    assertThat(browser.driver().findElements(By.cssSelector("form[action$='/cancel']"))).isEmpty();
    browser.screenshot("live-project-succeeded");
  }

  @Test
  void aDashboardBadgeFollowsItsProjectToSucceededThroughTheStream() {
    UUID id = stored();
    browser.open("/projects");
    WebElement row = browser.find(By.cssSelector("tr[data-id='" + id + "']"));
    WebElement badge = row.findElement(By.className("badge"));
    assertThat(badge.getText()).isEqualTo("QUEUED");
    browser.waitUntil(d -> "true".equals(row.getDomAttribute("data-live")) ? true : null, PATIENCE);
    browser.markPage();

    projects.markRunning(id);
    browser.waitUntil(d -> badge.getText().equals("RUNNING") ? true : null, PATIENCE);
    projects.recordOutcome(id, succeeded(), null, null);
    browser.waitUntil(d -> badge.getText().equals("SUCCEEDED") ? true : null, PATIENCE);

    assertThat(browser.pageStillMarked()).isTrue();
    assertThat(badge.getDomAttribute("data-ended")).isEqualTo("true");
    assertThat(statusPolls()).as("the stream, not polling, moved the badge").isZero();
    browser.screenshot("live-dashboard-succeeded");
  }

  @Test
  void dashboardRowsBeyondTheLiveLimitArePolled() {
    List<UUID> running = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UUID id = stored();
      projects.markRunning(id);
      running.add(id);
    }
    browser.open("/projects");
    int limit =
        Integer.parseInt(browser.find(By.id("projects")).getDomAttribute("data-live-limit"));
    assertThat(limit).isEqualTo(4);
    // newest first: the first project stored is the last row, beyond the limit
    WebElement oldest = browser.find(By.cssSelector("tr[data-id='" + running.get(0) + "']"));
    browser.waitUntil(
        d -> d.findElements(By.cssSelector("tr[data-live]")).size() == limit ? true : null,
        PATIENCE);
    assertThat(oldest.getDomAttribute("data-live")).isNull();

    running.forEach(id -> projects.markFailed(id, "stopped"));

    browser.waitUntil(
        d ->
            d.findElements(By.cssSelector("#projects .badge")).stream()
                    .filter(b -> running.stream().anyMatch(id -> inRow(b, id)))
                    .allMatch(b -> b.getText().equals("FAILED"))
                ? true
                : null,
        PATIENCE);
    assertThat(statusPolls()).as("the row beyond the limit was polled").isPositive();
  }

  @Test
  void anotherOwnersProjectHasNoStreamForThePages() throws Exception {
    UUID id = UUID.randomUUID();
    projects.create(id, "someone-else", "foreign", "flask", "{}");
    created.add(id);

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/projects/" + id + "/events"))
                    .header("Accept", "text/event-stream")
                    .header("Cookie", "JSESSIONID=" + browser.sessionCookie())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  private static boolean inRow(WebElement badge, UUID id) {
    return badge
        .findElement(By.xpath("ancestor::tr"))
        .getDomAttribute("data-id")
        .equals(id.toString());
  }

  private long statusPolls() {
    return (Long)
        browser
            .driver()
            .executeScript(
                "return performance.getEntriesByType('resource')"
                    + ".filter(function (e) { return e.name.indexOf('/projects/status') >= 0; })"
                    + ".length;");
  }

  private static String textOf(By by) {
    try {
      return browser.find(by).getText();
    } catch (StaleElementReferenceException replaced) {
      return null;
    }
  }

  private void awaitStep(String step, String state) {
    browser.waitUntil(
        d ->
            stepRow(step).findElement(By.className("step-state")).getText().equals(state)
                ? true
                : null,
        PATIENCE);
  }

  private WebElement stepRow(String step) {
    return browser.find(By.cssSelector("#steps tr[data-step='" + step + "']"));
  }

  private UUID stored() {
    UUID id = UUID.randomUUID();
    String owner = UUID.nameUUIDFromBytes(dev.email().getBytes()).toString();
    projects.create(id, owner, "live-" + created.size(), "flask", "{}");
    created.add(id);
    return id;
  }

  private static Progress succeeded() {
    List<StepProgress> steps =
        Arrays.stream(Step.values())
            .map(
                step ->
                    new StepProgress(
                        step, StepState.SUCCEEDED, 1, null, step.title() + " done", 1_000, 1_250))
            .toList();
    return new Progress(ProjectStatus.SUCCEEDED, steps, List.of(), null);
  }
}
