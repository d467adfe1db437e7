package io.backforge.api.temporal;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's in-memory test server, started in this process on the target's port when nothing
 * answers there and the target is this machine. It starts on a background thread, so the seconds it
 * takes overlap with the rest of the application's start-up; {@link #ready()} completes when it
 * serves.
 */
public final class EmbeddedTemporal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporal.class);
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  private final CompletableFuture<TestServer.PortBoundTestServer> server;
  private final CompletableFuture<Void> ready;

  private EmbeddedTemporal(CompletableFuture<TestServer.PortBoundTestServer> server) {
    this.server = server;
    this.ready =
        server == null ? CompletableFuture.completedFuture(null) : server.thenApply(s -> null);
  }

  /** Starts the embedded server when {@code properties} allow it and nothing answers. */
  public static EmbeddedTemporal startIfNeeded(TemporalProperties properties) {
    HostPort target = HostPort.parse(properties.target());
    boolean allowed = "auto".equals(properties.embedded()) && LOCAL_HOSTS.contains(target.host());
    if (!allowed || answers(target)) {
      return new EmbeddedTemporal(null);
    }
    log.info(
        "Nothing answers at {}: starting the embedded Temporal test server on port {}"
            + " (in memory: its workflows are lost when this process stops)",
        properties.target(),
        target.port());
    CompletableFuture<TestServer.PortBoundTestServer> server = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                server.complete(TestServer.createPortBoundServer(target.port(), true));
              } catch (RuntimeException e) {
                server.completeExceptionally(e);
              }
            },
            "embedded-temporal-start");
    starter.setDaemon(true);
    starter.start();
    return new EmbeddedTemporal(server);
  }

  /** Whether this process runs the server. */
  public boolean running() {
    return server != null;
  }

  /** Completes when the server serves (at once when this process runs none). */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  @Override
  public void close() {
    if (server != null && !server.isCompletedExceptionally()) {
      server.join().close();
    }
  }

  private static boolean answers(HostPort target) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target.host(), target.port()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  record HostPort(String host, int port) {
    static HostPort parse(String target) {
      int colon = target.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("backforge.temporal.target must be host:port");
      }
      String host = target.substring(0, colon).replace("[", "").replace("]", "");
      return new HostPort(host, Integer.parseInt(target.substring(colon + 1)));
    }
  }
}
