package io.backforge.api.project;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projects' event streams ({@code backforge.events.*}).
 *
 * @param heartbeat how long a stream may go without a write before it gets a comment line, so idle
 *     proxies keep it open and a client that left is noticed
 * @param maxStreamsPerUser most streams one user may have open at once; beyond it {@code 429}
 * @param pollInterval how often the steps of the followed projects are read from PostgreSQL
 * @param maxDuration how long one stream stays open at most; the client then resumes it with {@code
 *     Last-Event-ID} (an {@code EventSource} does so by itself)
 */
@ConfigurationProperties("backforge.events")
public record ProjectEventsProperties(
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("5") int maxStreamsPerUser,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("30m") Duration maxDuration) {}
