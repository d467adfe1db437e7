package io.backforge.activities.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageModelTests {

  @Test
  void theDefaultIsNoModelWithAReasonSayingHowToConfigureOne() {
    LanguageModel model = LanguageModel.of(AiProperties.none());

    assertThat(model.configured()).isFalse();
    assertThat(model.unavailableReason())
        .contains("BACKFORGE_AI_PROVIDER")
        .contains("BACKFORGE_AI_MODEL");
  }

  @Test
  void anUnknownProviderConfiguresNoModel() {
    LanguageModel model = LanguageModel.of(properties("cobol-ai", "m"));

    assertThat(model.configured()).isFalse();
    assertThat(model.unavailableReason()).contains("'cobol-ai'");
  }

  @Test
  void aProviderWithoutAModelNameConfiguresNoModel() {
    LanguageModel model = LanguageModel.of(properties("openai", " "));

    assertThat(model.configured()).isFalse();
    assertThat(model.unavailableReason()).contains("BACKFORGE_AI_MODEL is not set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "OpenAI", "ollama", "anthropic"})
  void everySupportedProviderBuildsAModel(String provider) {
    LanguageModel model = LanguageModel.of(properties(provider, "some-model"));

    assertThat(model.configured()).isTrue();
    assertThat(model.name()).isEqualTo(provider.toLowerCase() + "/some-model");
  }

  private static AiProperties properties(String provider, String model) {
    return new AiProperties(
        provider, null, "key", model, Duration.ofSeconds(5), 1, 0, 2, 5, 1000, true);
  }
}
