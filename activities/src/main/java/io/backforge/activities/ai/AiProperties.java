package io.backforge.activities.ai;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language model behind AI enrichment and spec drafts ({@code backforge.ai.*}, environment
 * variables {@code BACKFORGE_AI_*}). The default provider {@code none} turns both off.
 *
 * @param provider {@code openai} (any OpenAI-compatible endpoint: OpenAI, vLLM, LM Studio, ...),
 *     {@code ollama}, {@code anthropic} or {@code none}
 * @param baseUrl the provider's endpoint; blank for the provider's public default
 * @param apiKey the key, if the provider needs one; never logged or shown
 * @param model the model name, such as {@code gpt-4o-mini}; required unless the provider is none
 * @param timeout how long one model call may take before it counts as failed (and is retried); on a
 *     web process, what bounds its wait for a draft's worker
 * @param requestsPerSecond model calls per second across all workers (Temporal task queue limit); 0
 *     for no limit
 * @param workerRequestsPerSecond model calls per second of one worker process; 0 for no limit
 * @param maxConcurrent model calls one worker runs at the same time
 * @param sampleRows sample rows asked for per entity
 * @param maxOutputTokens most tokens a model may write in one answer
 * @param jsonSchema whether to send the answer's JSON schema as the response format; turn off for
 *     servers that do not support it (the schema then goes into the prompt)
 */
@ConfigurationProperties("backforge.ai")
public record AiProperties(
    @DefaultValue("none") String provider,
    String baseUrl,
    String apiKey,
    String model,
    @DefaultValue("60s") Duration timeout,
    @DefaultValue("1") double requestsPerSecond,
    @DefaultValue("0") double workerRequestsPerSecond,
    @DefaultValue("2") int maxConcurrent,
    @DefaultValue("5") int sampleRows,
    @DefaultValue("4096") int maxOutputTokens,
    @DefaultValue("true") boolean jsonSchema) {

  /** No model: what the application runs with unless configured otherwise. */
  public static AiProperties none() {
    return new AiProperties(
        "none", null, null, null, Duration.ofSeconds(60), 1, 0, 2, 5, 4096, true);
  }

  /** An OpenAI-compatible endpoint, for tests and tools. */
  public static AiProperties openAi(String baseUrl, String apiKey, String model, Duration timeout) {
    return new AiProperties("openai", baseUrl, apiKey, model, timeout, 0, 0, 2, 3, 4096, true);
  }

  /** The configured provider name, lower case and trimmed. */
  public String providerName() {
    return provider == null ? "none" : provider.strip().toLowerCase(Locale.ROOT);
  }
}
