package io.backforge.activities.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.output.OutputParsingException;
import io.backforge.activities.ai.AiCallException.Kind;
import io.backforge.templates.enrich.EnrichmentAnswer;
import io.backforge.templates.enrich.SeedOrder;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured language model, asked through langchain4j AI services that answer Java records.
 * Every call is classified on failure ({@link AiCallException.Kind}) and metered ({@link AiUsage}).
 * Thread-safe; one per process.
 */
public final class LanguageModel {

  /** Why nothing is asked when no model is configured, and how to configure one. */
  public static final String NOT_CONFIGURED =
      "No language model is configured: set BACKFORGE_AI_PROVIDER (openai, ollama or anthropic)"
          + " and BACKFORGE_AI_MODEL, and where needed BACKFORGE_AI_BASE_URL and"
          + " BACKFORGE_AI_API_KEY";

  private static final Logger log = LoggerFactory.getLogger(LanguageModel.class);

  private final AiProperties properties;
  private final ChatModel chat;
  private final String unavailable;

  private LanguageModel(AiProperties properties, ChatModel chat, String unavailable) {
    this.properties = properties;
    this.chat = chat;
    this.unavailable = unavailable;
  }

  /** The model {@code properties} describe, or an unconfigured one saying why. */
  public static LanguageModel of(AiProperties properties) {
    String provider = properties.providerName();
    if (provider.equals("none") || provider.isEmpty()) {
      return new LanguageModel(properties, null, NOT_CONFIGURED);
    }
    if (!provider.equals("openai") && !provider.equals("ollama") && !provider.equals("anthropic")) {
      return new LanguageModel(
          properties,
          null,
          "BACKFORGE_AI_PROVIDER is '"
              + provider
              + "'; use openai, ollama, anthropic or none, so no language model is configured");
    }
    if (properties.model() == null || properties.model().isBlank()) {
      return new LanguageModel(
          properties,
          null,
          "No language model is configured: BACKFORGE_AI_MODEL is not set for the provider "
              + provider);
    }
    return new LanguageModel(properties, ChatModels.build(properties), null);
  }

  /** Whether a model is configured. */
  public boolean configured() {
    return chat != null;
  }

  /** Why no model is configured and how to configure one; {@code null} when one is. */
  public String unavailableReason() {
    return unavailable;
  }

  /** {@code provider/model}, for usage records and logs. */
  public String name() {
    return properties.providerName() + "/" + properties.model();
  }

  /** How many sample rows to ask for per entity. */
  public int sampleRows() {
    return properties.sampleRows();
  }

  /**
   * Asks for descriptions, an overview and sample rows for {@code spec}.
   *
   * @throws AiCallException when the model gives no usable answer
   * @throws IllegalStateException when no model is configured
   */
  public Answer<EnrichmentAnswer> enrich(ProjectSpec spec) {
    String order =
        SeedOrder.of(spec).stream().map(e -> e.name().value()).collect(Collectors.joining(", "));
    StringBuilder request =
        new StringBuilder("Spec:\n")
            .append(SpecJson.write(spec))
            .append("\nInsert order of the entities: ")
            .append(order)
            .append("\nSample rows per entity: ")
            .append(properties.sampleRows())
            .append('\n');
    if (spec.ai() != null && spec.ai().instructions() != null) {
      request
          .append("Instructions of the spec's author (about the domain only): ")
          .append(spec.ai().instructions())
          .append('\n');
    }
    return ask(EnrichmentAssistant.class, a -> a.enrich(request.toString()));
  }

  /**
   * Asks for a draft spec of the backend described in {@code description}.
   *
   * @throws AiCallException when the model gives no usable answer
   * @throws IllegalStateException when no model is configured
   */
  public Answer<SpecDraft> draft(String description) {
    return ask(DraftAssistant.class, a -> a.draft("Description: " + description));
  }

  private <S, T> Answer<T> ask(Class<S> service, Function<S, T> call) {
    if (chat == null) {
      throw new IllegalStateException(unavailable);
    }
    MeteredChatModel metered = new MeteredChatModel(chat);
    S assistant = AiServices.builder(service).chatModel(metered).build();
    try {
      T content = call.apply(assistant);
      if (content == null) {
        throw new AiCallException(
            Kind.MALFORMED_ANSWER, "The model gave an empty answer", metered.usage(), null);
      }
      return new Answer<>(content, metered.usage());
    } catch (AiCallException e) {
      throw e;
    } catch (RuntimeException e) {
      AiCallException classified = classify(e, metered.usage());
      log.warn("Model call to {} failed ({}): {}", name(), classified.kind(), rootMessage(e), e);
      throw classified;
    }
  }

  static AiCallException classify(RuntimeException e, AiUsage usage) {
    if (e instanceof AuthenticationException) {
      return failure(Kind.AUTHENTICATION, usage, e);
    }
    if (e instanceof InvalidRequestException
        || e instanceof ModelNotFoundException
        || e instanceof ContentFilteredException) {
      return failure(Kind.BAD_REQUEST, usage, e);
    }
    if (e instanceof RetriableException) {
      return failure(Kind.RETRYABLE, usage, e);
    }
    if (e instanceof HttpException http) {
      int status = http.statusCode();
      if (status == 401 || status == 403) {
        return failure(Kind.AUTHENTICATION, usage, e);
      }
      if (status == 408 || status == 409 || status == 429 || status >= 500) {
        return failure(Kind.RETRYABLE, usage, e);
      }
      return failure(Kind.BAD_REQUEST, usage, e);
    }
    if (usage.requests() > 0 && parsing(e)) {
      return failure(Kind.MALFORMED_ANSWER, usage, e);
    }
    return failure(Kind.RETRYABLE, usage, e);
  }

  private static boolean parsing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutputParsingException
          || t instanceof JsonProcessingException
          || t instanceof IllegalArgumentException) {
        return true;
      }
      if (t instanceof HttpTimeoutException
          || (t instanceof IOException && !(t instanceof JsonProcessingException))
          || t instanceof UncheckedIOException) {
        return false;
      }
    }
    return false;
  }

  private static AiCallException failure(Kind kind, AiUsage usage, Throwable cause) {
    String message =
        switch (kind) {
          case AUTHENTICATION ->
              "The language model rejected the credentials; check BACKFORGE_AI_API_KEY";
          case BAD_REQUEST ->
              "The language model rejected the request; check BACKFORGE_AI_MODEL and"
                  + " BACKFORGE_AI_BASE_URL";
          case RETRYABLE ->
              cause instanceof dev.langchain4j.exception.TimeoutException
                      || hasCause(cause, HttpTimeoutException.class)
                  ? "The language model did not answer in time"
                  : cause instanceof HttpException http
                      ? "The language model is unavailable (HTTP " + http.statusCode() + ")"
                      : cause instanceof dev.langchain4j.exception.RateLimitException
                          ? "The language model is rate limited (HTTP 429)"
                          : "The language model is unavailable";
          case MALFORMED_ANSWER -> "The language model's answer was not in the requested shape";
        };
    return new AiCallException(kind, message, usage, cause);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }

  /**
   * A usable answer.
   *
   * @param content the answer as a record
   * @param usage the tokens it cost
   * @param <T> the record type
   */
  public record Answer<T>(T content, AiUsage usage) {}
}
