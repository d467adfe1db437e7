package io.backforge.activities.ai;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tokens spent on model calls, one row per answered activity attempt or draft. A row's {@code
 * callKey} names the attempt, so recording the same attempt twice counts it once.
 */
@Repository
public class AiUsageStore {

  private final JdbcClient jdbc;

  AiUsageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records {@code usage} of {@code model} for {@code purpose}; a no-op for no requests.
   *
   * @param projectId the project, or {@code null} for a draft
   * @param owner who asked, or {@code null}
   * @param callKey a key naming the attempt, or {@code null} when every call is new
   */
  public void record(
      UUID projectId, String owner, String purpose, String model, String callKey, AiUsage usage) {
    if (usage.requests() == 0) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO ai_usage (project_id, owner, purpose, model, call_key, requests,
                                  input_tokens, output_tokens)
            VALUES (:projectId, :owner, :purpose, :model, :callKey, :requests,
                    :inputTokens, :outputTokens)
            ON CONFLICT (call_key) DO NOTHING
            """)
        .param("projectId", projectId)
        .param("owner", owner)
        .param("purpose", purpose)
        .param("model", model)
        .param("callKey", callKey)
        .param("requests", usage.requests())
        .param("inputTokens", usage.inputTokens())
        .param("outputTokens", usage.outputTokens())
        .update();
  }

  /** Everything spent on {@code projectId}. */
  public AiUsage forProject(UUID projectId) {
    return jdbc.sql(
            """
            SELECT coalesce(sum(requests), 0), coalesce(sum(input_tokens), 0),
                   coalesce(sum(output_tokens), 0)
            FROM ai_usage WHERE project_id = :projectId
            """)
        .param("projectId", projectId)
        .query((row, n) -> new AiUsage(row.getInt(1), row.getLong(2), row.getLong(3)))
        .single();
  }
}
