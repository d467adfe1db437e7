package io.backforge.activities.ai;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Set;

/**
 * One conversation's view of a shared chat model that adds up the tokens of every answer, also of
 * answers that later fail to parse. Not thread-safe: create one per call.
 */
final class MeteredChatModel implements ChatModel {

  private final ChatModel delegate;
  private AiUsage usage = AiUsage.NONE;

  MeteredChatModel(ChatModel delegate) {
    this.delegate = delegate;
  }

  AiUsage usage() {
    return usage;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return meter(delegate.chat(request));
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
    return meter(delegate.chat(request, options));
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    return meter(delegate.chat(request));
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return delegate.supportedCapabilities();
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  private ChatResponse meter(ChatResponse response) {
    TokenUsage tokens = response.tokenUsage();
    usage =
        usage.plus(
            new AiUsage(
                1,
                tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount(),
                tokens == null || tokens.outputTokenCount() == null
                    ? 0
                    : tokens.outputTokenCount()));
    return response;
  }
}
