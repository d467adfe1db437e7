package io.backforge.activities.ai;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the langchain4j chat model for the configured provider. langchain4j's own retries are off
 * ({@code maxRetries(0)}): Temporal retries the activity with backoff instead, so every attempt is
 * visible and rate-limited.
 */
final class ChatModels {

  static final String OPENAI_URL = "https://api.openai.com/v1";
  static final String OLLAMA_URL = "http://localhost:11434";
  static final String ANTHROPIC_URL = "https://api.anthropic.com/v1/";

  private ChatModels() {}

  static ChatModel build(AiProperties ai) {
    return switch (ai.providerName()) {
      case "openai" -> openAi(ai);
      case "ollama" -> ollama(ai);
      case "anthropic" -> anthropic(ai);
      default -> throw new IllegalArgumentException("unknown provider");
    };
  }

  private static ChatModel openAi(AiProperties ai) {
    OpenAiChatModel.OpenAiChatModelBuilder builder =
        OpenAiChatModel.builder()
            .baseUrl(orDefault(ai.baseUrl(), OPENAI_URL))
            .apiKey(orDefault(ai.apiKey(), "none"))
            .modelName(ai.model())
            .timeout(ai.timeout())
            .maxRetries(0)
            .maxCompletionTokens(ai.maxOutputTokens());
    if (ai.jsonSchema()) {
      builder.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true);
    }
    return builder.build();
  }

  private static ChatModel ollama(AiProperties ai) {
    OllamaChatModel.OllamaChatModelBuilder builder = OllamaChatModel.builder();
    builder
        .baseUrl(orDefault(ai.baseUrl(), OLLAMA_URL))
        .modelName(ai.model())
        .timeout(ai.timeout());
    builder.maxRetries(0);
    if (ai.jsonSchema()) {
      builder.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }
    return builder.build();
  }

  private static ChatModel anthropic(AiProperties ai) {
    return AnthropicChatModel.builder()
        .baseUrl(orDefault(ai.baseUrl(), ANTHROPIC_URL))
        .apiKey(orDefault(ai.apiKey(), "none"))
        .modelName(ai.model())
        .timeout(ai.timeout())
        .maxRetries(0)
        .maxTokens(ai.maxOutputTokens())
        .build();
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
