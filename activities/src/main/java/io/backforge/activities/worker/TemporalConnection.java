package io.backforge.activities.worker;

/**
 * Where the Temporal server is, as the process found it at start-up.
 *
 * @param target host:port of the frontend
 * @param namespace the namespace used
 * @param embedded whether this process started Temporal's in-memory test server itself
 */
public record TemporalConnection(String target, String namespace, boolean embedded) {}
