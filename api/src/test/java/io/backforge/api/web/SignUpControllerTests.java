package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backforge.api.security.IssuerProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

class SignUpControllerTests {

  @Test
  void signUpTurnedOffByConfigurationIsNotFound() {
    SignUpController controller = new SignUpController(null, issuer(true, false));

    assertThatThrownBy(() -> controller.form(new ExtendedModelMap()))
        .isInstanceOf(PageNotFoundException.class);
    assertThatThrownBy(() -> controller.signUp("a@example.org", "x", new ExtendedModelMap()))
        .isInstanceOf(PageNotFoundException.class);
  }

  @Test
  void withoutTheBuiltInIssuerThereIsNoSignUp() {
    assertThatThrownBy(
            () -> new SignUpController(null, issuer(false, true)).form(new ExtendedModelMap()))
        .isInstanceOf(PageNotFoundException.class);
  }

  private static IssuerProperties issuer(boolean enabled, boolean signup) {
    return new IssuerProperties(
        enabled,
        "http://localhost:8080",
        null,
        Duration.ofMinutes(15),
        Duration.ofSeconds(5),
        signup,
        null,
        null,
        "backforge-web",
        null,
        5,
        20,
        Duration.ofMinutes(15));
  }
}
