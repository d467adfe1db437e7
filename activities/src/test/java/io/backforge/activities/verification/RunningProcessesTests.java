package io.backforge.activities.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verification that stops kills its sandboxes at once, with everything in them. */
class RunningProcessesTests {

  @Test
  void stoppingKillsARunningSandboxAndEverythingInIt(@TempDir Path dir) throws Exception {
    assumeSandbox();
    RunningProcesses running = new RunningProcesses();
    CompletableFuture<Sandbox.Result> sleeping =
        CompletableFuture.supplyAsync(
            () ->
                Sandbox.run(
                    dir, Duration.ofMinutes(5), running, "/bin/sh", "-c", "sleep 300 & sleep 300"));
    List<ProcessHandle> inside = awaitSandbox();

    long stopping = System.nanoTime();
    running.stop();

    assertThatThrownBy(() -> sleeping.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(CancellationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
    assertThat(inside).hasSizeGreaterThanOrEqualTo(3);
    for (ProcessHandle process : inside) {
      assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(5));
    }
  }

  @Test
  void aStoppedVerificationStartsNothingMore(@TempDir Path dir) {
    RunningProcesses running = new RunningProcesses();
    running.stop();

    assertThatThrownBy(() -> Sandbox.run(dir, Duration.ofSeconds(5), running, "/bin/true"))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void bwrapIsTheWorkersOwnChildSoTheSandboxDiesWithTheWorker(@TempDir Path dir) {
    List<String> command = Sandbox.command(dir, Duration.ofSeconds(5), "/bin/true");

    assertThat(command.get(0)).isEqualTo("/usr/bin/prlimit");
    assertThat(command.get(command.indexOf("--") + 1)).isEqualTo("/usr/bin/bwrap");
    assertThat(command).contains("--die-with-parent");
    assertThat(command.subList(command.lastIndexOf("--"), command.size()))
        .containsExactly("--", "/usr/bin/timeout", "--kill-after=5", "5s", "/bin/true");
  }

  /** The processes of the sandbox under this JVM, once both sleeps run. */
  private static List<ProcessHandle> awaitSandbox() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      List<ProcessHandle> descendants = ProcessHandle.current().descendants().toList();
      long sleeps =
          descendants.stream()
              .filter(p -> p.info().command().orElse("").endsWith("/sleep"))
              .count();
      if (sleeps == 2) {
        return descendants.stream()
            .filter(p -> p.info().command().orElse("").matches(".*/(bwrap|timeout|sh|sleep)"))
            .toList();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the sandbox did not start");
  }

  private static void assumeSandbox() {
    String missing =
        Sandbox.probe(Sandbox.Options.DEFAULT, "the sandbox does not start", "/bin/true");
    Assumptions.assumeTrue(missing.isEmpty(), missing);
  }
}
