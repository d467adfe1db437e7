package io.backforge.activities.verification;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.pack.VerificationRecipe.DependencyCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The dependency caches of the packs' verification recipes (a local Maven repository, say): where
 * each is ({@code backforge.verify.<property>}, else the pack's default) and whether it is warm.
 * Before the first verification that reads one, it is warmed: the worker writes the pack's warm-up
 * project and runs the pack's warm-up command in it, with network, outside the sandbox. A marker in
 * the cache, named after the hash of the warm-up's identity files, records that it is done.
 */
@Component
class DependencyCaches {

  private static final Logger log = LoggerFactory.getLogger(DependencyCaches.class);

  private final Environment environment;

  /** The caches this process found or made warm: the generators cannot change while it runs. */
  private final Set<String> warm = new HashSet<>();

  DependencyCaches(Environment environment) {
    this.environment = environment;
  }

  /** Where {@code cache} is on this worker. */
  Path directory(DependencyCache cache) {
    String configured = environment.getProperty("backforge.verify." + cache.property());
    Path directory = configured == null ? cache.defaultDirectory() : Path.of(configured);
    return directory.toAbsolutePath().normalize();
  }

  /**
   * Warms {@code cache} unless it is warm for this generator already; empty when it is ready,
   * otherwise why not. One warm-up at a time in this process; other callers wait for it. The
   * warm-up is tracked in {@code running}: a verification that stops kills it, and the next one
   * warms again.
   */
  synchronized Optional<String> warm(DependencyCache cache, RunningProcesses running) {
    Path directory = directory(cache);
    if (warm.contains(directory + "\n" + cache.property())) {
      return Optional.empty();
    }
    GeneratedProject project = cache.warmUp().get();
    Path marker = directory.resolve(".backforge").resolve("warm-" + hash(project, cache));
    if (Files.exists(marker)) {
      warm.add(directory + "\n" + cache.property());
      return Optional.empty();
    }
    log.info("Warming the {} {} for verification", cache.title(), directory);
    Path root = null;
    try {
      root = Files.createTempDirectory("backforge-warm-up");
      project.writeTo(root);
      Sandbox.Result build =
          Processes.run(
              PackChecks.substitute(cache.warm(), Optional.of(directory)),
              cache.limit(),
              root,
              running);
      if (build.exitCode() != 0) {
        String output = build.output().strip();
        return Optional.of(
            (build.timedOut() ? "the warm-up timed out: " : "the warm-up failed: ")
                + output.substring(Math.max(0, output.length() - 500)));
      }
      Files.createDirectories(marker.getParent());
      Files.writeString(marker, String.join("\n", project.files().keySet()) + "\n");
      warm.add(directory + "\n" + cache.property());
      log.info("The {} {} is warm", cache.title(), directory);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    } finally {
      VerificationActivitiesImpl.delete(root);
    }
  }

  /** The hash of the warm-up's identity files, by path, and the warm-up command. */
  private static String hash(GeneratedProject project, DependencyCache cache) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.join(" ", cache.warm()).getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> file : project.files().entrySet()) {
        String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
        if (cache.identity().contains(name)) {
          digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
          digest.update(file.getValue());
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
