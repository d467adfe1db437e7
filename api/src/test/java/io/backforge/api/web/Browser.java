package io.backforge.api.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}) with a
 * fresh profile, pointed at the application on {@code port}; saves screenshots under {@code
 * target/screenshots}.
 */
final class Browser implements AutoCloseable {

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  Browser(int port) {
    try {
      profile = Files.createTempDirectory("backforge-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    base = "http://localhost:" + port;
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(base + path);
  }

  String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  WebElement named(String name) {
    return driver.findElement(By.name(name));
  }

  void type(String name, String text) {
    WebElement input = named(name);
    input.clear();
    input.sendKeys(text);
  }

  /**
   * Presses the wizard button for {@code action}; unless a script handles it in place (adding or
   * removing rows), waits until the next page replaced this one.
   */
  void press(String action) {
    WebElement button =
        driver.findElement(
            By.cssSelector("button[name='action'][value='" + action + "']:not([tabindex])"));
    boolean inPlace =
        button.getDomAttribute("data-add") != null || button.getDomAttribute("data-remove") != null;
    button.click();
    if (!inPlace) {
      waitForNextPage(button);
    }
  }

  /** Clicks {@code element} and waits until the next page replaced this one. */
  void clickAndWait(WebElement element) {
    element.click();
    waitForNextPage(element);
  }

  /**
   * Waits until {@code old} belongs to a replaced document. Besides the stale-element answer,
   * ChromeDriver sometimes answers a node of a document that is being replaced with "unknown error:
   * Node with given id does not belong to the document", which means the same here.
   */
  private void waitForNextPage(WebElement old) {
    new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50))
        .until(
            d -> {
              try {
                old.isEnabled();
                return false;
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
              } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                  return true;
                }
                throw e;
              }
            });
  }

  /** Signs in through the development issuer when not signed in yet, and opens {@code path}. */
  void signIn(String path) {
    open(path);
    if (path().startsWith("/signin")) {
      type("username", "dev");
      type("password", "dev-password");
      clickAndWait(find(By.cssSelector("button[type=submit].primary")));
      waitUntil(
          d -> path().matches("/(signin|oauth2|login)(/.*)?") ? null : true,
          Duration.ofSeconds(15));
    }
  }

  <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(condition);
  }

  /** Marks the page in the browser's memory; the mark is gone once another page replaced it. */
  void markPage() {
    driver.executeScript("window.backforgeMark = true;");
  }

  boolean pageStillMarked() {
    return Boolean.TRUE.equals(driver.executeScript("return window.backforgeMark === true;"));
  }

  /** Waits until the wizard's script has saved and checked the form's latest state. */
  void waitUntilSaved() {
    waitUntil(
        d -> "true".equals(find(By.cssSelector("form.wizard")).getDomAttribute("data-saved")),
        Duration.ofSeconds(10));
  }

  /** How far the page is wider than the window, in CSS pixels (0 or less: no sideways scroll). */
  long overflow() {
    return (Long)
        driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
  }

  String sessionCookie() {
    return driver.manage().getCookieNamed("JSESSIONID").getValue();
  }

  void screenshot(String name) {
    Path target = Path.of("target", "screenshots", name + ".png");
    try {
      Files.createDirectories(target.getParent());
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
