package io.backforge.activities.git;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pushing generations to git remotes ({@code backforge.git.*}).
 *
 * @param allowedRemotes URL prefixes a remote must start with ({@code
 *     BACKFORGE_GIT_ALLOWED_REMOTES}, comma-separated); by default {@code https://} and {@code
 *     ssh://} only, so {@code file:} URLs and local paths are refused unless a prefix lists them
 * @param tokenKey the AES key (Base64 of 16, 24 or 32 bytes) that encrypts HTTPS tokens at rest
 *     ({@code BACKFORGE_GIT_TOKEN_KEY}); empty: a random key per process, which only works when the
 *     web and worker roles run in the same process (the development default)
 * @param timeout the network timeout of one fetch or push
 * @param pushWait how long {@code POST /api/projects/{id}/push} waits for the push to end before it
 *     answers {@code 202} with the push to poll
 */
@ConfigurationProperties("backforge.git")
public record GitProperties(
    @DefaultValue({"https://", "ssh://"}) List<String> allowedRemotes,
    @DefaultValue("") String tokenKey,
    @DefaultValue("60s") Duration timeout,
    @DefaultValue("30s") Duration pushWait) {}
