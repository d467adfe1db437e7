package io.backforge.api.web;

import io.backforge.api.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests that drive the pages in headless Chromium: one browser per test class, on the
 * application context PageIntegrationTests uses too (MockMvc included, the page tests' own
 * database), so that all of them start the application once.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = WebUiIntegrationTests.OWN_DATABASE)
abstract class BrowserIntegrationTest extends IntegrationTest {

  static Browser browser;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser(@LocalServerPort int port) {
    browser = new Browser(port);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
