package io.backforge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures verification end to end through the running platform's HTTP API, as a user sees it: for
 * each spec, {@code n} submissions one after the other (each under a name of its own and with
 * {@code "verify": true}), each followed until it ends ({@code ?wait=60}) and its zip downloaded.
 * Prints every run (submit to zip downloaded, the verify step's own duration, its state and detail)
 * and per spec the first run, the median of the runs after the first (a warm worker) and the
 * slowest. A run that does not end SUCCEEDED with verification PASSED is reported as such.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.backforge.benchmarks.VerifyBench --base
 * http://localhost:8080 --specs library,library@spring-boot --n 5}
 */
public final class VerifyBench {

  private static final int MAX_FOLLOWS = 20;

  private final PlatformClient api;

  private VerifyBench(PlatformClient api) {
    this.api = api;
  }

  /** Runs the measurement. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = PlatformClient.options(args);
    PlatformClient api = new PlatformClient(options.getOrDefault("base", "http://localhost:8080"));
    api.signIn(
        options.getOrDefault("client", "dev-client"), options.getOrDefault("secret", "dev-secret"));
    int n = Integer.parseInt(options.getOrDefault("n", "5"));
    VerifyBench bench = new VerifyBench(api);
    boolean allPassed = true;
    for (String spec : options.getOrDefault("specs", "library").split(",")) {
      allPassed &= bench.measure(spec, n);
    }
    System.exit(allPassed ? 0 : 1);
  }

  private boolean measure(String specName, int n) throws Exception {
    ObjectNode spec = (ObjectNode) PlatformClient.JSON.readTree(Pipeline.spec(specName));
    String name = spec.get("name").asText();
    List<Long> warm = new ArrayList<>();
    long first = 0;
    long slowest = 0;
    boolean allPassed = true;
    for (int run = 1; run <= n; run++) {
      String suffix = "-v" + System.currentTimeMillis() % 100_000 + run;
      spec.put("name", name.substring(0, Math.min(name.length(), 40 - suffix.length())) + suffix);
      spec.put("verify", true);
      long started = System.nanoTime();
      JsonNode project = submitAndFollow(PlatformClient.JSON.writeValueAsBytes(spec));
      JsonNode verification = project.path("verification");
      boolean passed =
          "SUCCEEDED".equals(project.path("status").asText())
              && "PASSED".equals(verification.path("state").asText());
      long zipBytes = passed ? download(project.get("id").asText()) : 0;
      long millis = (System.nanoTime() - started) / 1_000_000;
      allPassed &= passed && zipBytes > 0;
      System.out.printf(
          "%-28s run %2d  %7d ms end to end  verify %6d ms  %s %s  zip %d bytes  %s%n",
          specName,
          run,
          millis,
          verification.path("durationMillis").asLong(),
          project.path("status").asText(),
          verification.path("state").asText("-"),
          zipBytes,
          verification.path("reason").asText(""));
      if (run == 1) {
        first = millis;
      } else {
        warm.add(millis);
      }
      slowest = Math.max(slowest, millis);
    }
    Collections.sort(warm);
    System.out.printf(
        "%-28s first %d ms  p50 after the first %s ms  max %d ms  %s%n%n",
        specName,
        first,
        warm.isEmpty() ? "-" : String.valueOf(warm.get((warm.size() - 1) / 2)),
        slowest,
        allPassed ? "every run PASSED" : "NOT every run PASSED");
    return allPassed;
  }

  private JsonNode submitAndFollow(byte[] spec) throws Exception {
    HttpResponse<String> submitted = api.submit(spec);
    if (submitted.statusCode() != 202) {
      throw new IllegalStateException(
          "submission answered " + submitted.statusCode() + ": " + submitted.body());
    }
    String id = PlatformClient.JSON.readTree(submitted.body()).get("id").asText();
    JsonNode project = null;
    for (int i = 0; i < MAX_FOLLOWS; i++) {
      project = api.project(id, 60);
      String status = project.path("status").asText();
      if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")) {
        return project;
      }
    }
    return project;
  }

  private long download(String id) throws Exception {
    HttpResponse<byte[]> zip =
        api.send(
            api.request("/api/projects/" + id + "/download").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return zip.statusCode() == 200 ? zip.body().length : 0;
  }
}
