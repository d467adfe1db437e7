package io.backforge.api.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-user rate limits ({@code backforge.rate-limit.*}): token buckets per token subject that
 * refill at a steady rate and hold up to a burst. A rate of {@code 0} turns that limit off.
 *
 * @param submissionsPerMinute {@code POST /api/projects} per user and minute, on average
 * @param submissionBurst most submissions one user may send at once after a quiet spell
 * @param draftsPerMinute {@code POST /api/specs/draft} (a language model call) per user and minute
 * @param draftBurst most drafts one user may ask for at once
 * @param pushesPerMinute {@code POST /api/projects/{id}/push} and {@code /merge} per user and
 *     minute
 * @param pushBurst most pushes and merges one user may send at once
 * @param maxUsers most users whose buckets are kept; the least recently seen go first
 */
@ConfigurationProperties("backforge.rate-limit")
public record RateLimitProperties(
    @DefaultValue("60") int submissionsPerMinute,
    @DefaultValue("30") int submissionBurst,
    @DefaultValue("10") int draftsPerMinute,
    @DefaultValue("5") int draftBurst,
    @DefaultValue("10") int pushesPerMinute,
    @DefaultValue("5") int pushBurst,
    @DefaultValue("100000") int maxUsers) {}
