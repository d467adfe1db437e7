package io.backforge.api.temporal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Temporal is ({@code backforge.temporal.*}).
 *
 * @param target host:port of the Temporal frontend
 * @param namespace the namespace
 * @param embedded {@code auto}: start Temporal's in-memory test server on the target's port when
 *     nothing answers there and the host is local; {@code off}: never
 */
@ConfigurationProperties("backforge.temporal")
public record TemporalProperties(
    @DefaultValue("localhost:7233") String target,
    @DefaultValue("default") String namespace,
    @DefaultValue("auto") String embedded) {}
