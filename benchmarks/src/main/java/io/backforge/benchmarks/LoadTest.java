package io.backforge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives the running platform through its HTTP API, as scripts use it: a real token from the
 * development issuer, {@code n} submissions of one spec at concurrency {@code c}, each followed
 * until it ends: with {@code --wait-s} (default 30) by status requests that wait for the end
 * ({@code GET /api/projects/{id}?wait=30}), with {@code --wait-s 0} by polling every {@code
 * --poll-ms}. Prints submit-to-SUCCEEDED latency percentiles, throughput, outcome counts (lost and
 * duplicated projects included); {@code bench/load.sh} adds the platform's CPU and peak heap, read
 * from outside the process.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.backforge.benchmarks.LoadTest --base
 * http://localhost:8080 --spec library --n 200 --c 16}
 */
public final class LoadTest {

  private static final ObjectMapper JSON = PlatformClient.JSON;
  private static final Duration PER_PROJECT_TIMEOUT = Duration.ofSeconds(120);

  private final PlatformClient http;
  private int waitSeconds;

  private LoadTest(String base) {
    this.http = new PlatformClient(base);
  }

  /** Runs one load scenario. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = PlatformClient.options(args);
    String base = options.getOrDefault("base", "http://localhost:8080");
    String spec = options.getOrDefault("spec", "library");
    int n = Integer.parseInt(options.getOrDefault("n", "100"));
    int c = Integer.parseInt(options.getOrDefault("c", "16"));
    int pollMillis = Integer.parseInt(options.getOrDefault("poll-ms", "20"));
    int waitSeconds = Integer.parseInt(options.getOrDefault("wait-s", "30"));
    LoadTest load = new LoadTest(base);
    load.http.signIn(
        options.getOrDefault("client", "dev-client"), options.getOrDefault("secret", "dev-secret"));
    load.waitSeconds = waitSeconds;
    load.run(Pipeline.spec(spec), spec, n, c, pollMillis);
  }

  private void run(byte[] spec, String specName, int n, int c, int pollMillis) throws Exception {
    long before = listedCount();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    Set<String> ids = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(c);
    long start = System.nanoTime();
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      runs.add(
          pool.submit(
              () -> {
                long t0 = System.nanoTime();
                String outcome;
                try {
                  outcome = submitAndAwait(spec, pollMillis, ids);
                } catch (Exception e) {
                  outcome = "ERROR " + e.getClass().getSimpleName();
                }
                if (outcome.equals("SUCCEEDED")) {
                  latencies.add(System.nanoTime() - t0);
                }
                outcomes.merge(outcome, 1, Integer::sum);
              }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Set<String> listed = newestIds(listedCount() - before);
    report(specName, n, c, seconds, latencies, outcomes, ids, listed);
  }

  private String submitAndAwait(byte[] spec, int pollMillis, Set<String> ids) throws Exception {
    HttpResponse<String> submitted = http.submit(spec);
    if (submitted.statusCode() != 202) {
      return "HTTP " + submitted.statusCode();
    }
    String id = JSON.readTree(submitted.body()).get("id").asText();
    if (!ids.add(id)) {
      return "DUPLICATE ID";
    }
    long deadline = System.nanoTime() + PER_PROJECT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String state = http.project(id, waitSeconds).path("status").asText();
      if (Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state)) {
        return state;
      }
      if (waitSeconds == 0) {
        Thread.sleep(pollMillis);
      }
    }
    return "TIMED OUT";
  }

  private void report(
      String spec,
      int n,
      int c,
      double seconds,
      List<Long> latencies,
      Map<String, Integer> outcomes,
      Set<String> accepted,
      Set<String> listed) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "spec=%s n=%d concurrency=%d following=%s%n",
        spec, n, c, waitSeconds > 0 ? "wait=" + waitSeconds + "s" : "polling");
    System.out.printf("wall time           %.2f s%n", seconds);
    System.out.printf("throughput          %.1f projects/s%n", n / seconds);
    System.out.printf(
        "submit->SUCCEEDED   p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms%n",
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99),
        percentile(sorted, 1.0));
    System.out.printf("outcomes            %s%n", new java.util.TreeMap<>(outcomes));
    Set<String> lost = new java.util.HashSet<>(accepted);
    lost.removeAll(listed);
    Set<String> unacknowledged = new java.util.HashSet<>(listed);
    unacknowledged.removeAll(accepted);
    System.out.printf(
        "lost                %d (accepted %d, newly listed %d)%n",
        lost.size(), accepted.size(), listed.size());
    System.out.printf(
        "duplicated          %d (stored but never acknowledged to the client: %d)%n",
        Math.max(0, listed.size() - n), unacknowledged.size());
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
  }

  private Set<String> newestIds(long count) throws IOException, InterruptedException {
    Set<String> ids = new java.util.HashSet<>();
    for (int page = 0; ids.size() < count; page++) {
      HttpResponse<String> response =
          http.send(
              http.request("/api/projects?size=100&page=" + page).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode items = JSON.readTree(response.body()).get("items");
      if (items.isEmpty()) {
        break;
      }
      for (JsonNode item : items) {
        if (ids.size() < count) {
          ids.add(item.get("id").asText());
        }
      }
    }
    return ids;
  }

  private long listedCount() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            http.request("/api/projects?size=1").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).get("total").asLong();
  }
}
