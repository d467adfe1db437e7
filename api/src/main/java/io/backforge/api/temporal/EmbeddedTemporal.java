package io.backforge.api.temporal;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 *
 * <p>The server's services are bound twice: to the target's port, for other processes (a second
 * worker, the Temporal CLI), and to an in-process gRPC server, which this process's own client and
 * workers use through {@link #channel()}: no sockets, no HTTP/2 framing, and no protobuf
 * serialisation between the workers and the server they share a JVM with. This is what {@code
 * TestServer.createPortBoundServer} does, plus the in-process binding; it uses the test server's
 * {@code TestServicesStarter} and {@code GRPCServerHelper} (public classes in its internal package)
 * for it.
 */
public final class EmbeddedTemporal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporal.class);
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  private final CompletableFuture<Servers> server;
  private final CompletableFuture<Void> ready;
  private final String inProcessName = "backforge-temporal-" + java.util.UUID.randomUUID();
  private ManagedChannel channel;

  /** The test server's services and the two gRPC servers they are bound to. */
  private record Servers(TestServicesStarter services, Server network, Server inProcess) {
    void close() {
      inProcess.shutdownNow();
      network.shutdownNow();
      services.close();
    }
  }

  private EmbeddedTemporal(CompletableFuture<Servers> server) {
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
    CompletableFuture<Servers> server = new CompletableFuture<>();
    EmbeddedTemporal embedded = new EmbeddedTemporal(server);
    Thread starter =
        new Thread(
            () -> {
              try {
                server.complete(start(target.port(), embedded.inProcessName));
              } catch (RuntimeException e) {
                server.completeExceptionally(e);
              }
            },
            "embedded-temporal-start");
    starter.setDaemon(true);
    starter.start();
    return embedded;
  }

  private static Servers start(int port, String inProcessName) {
    StaleTimerLogFilter.install();
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      var network = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), network);
      var inProcess = InProcessServerBuilder.forName(inProcessName);
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), inProcess);
      Server started = inProcess.build().start();
      return new Servers(services, network.build().start(), started);
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A channel to the server for this process's own clients and workers, in process; empty when this
   * process runs no server. Usable at once; calls succeed once {@link #ready()} completed.
   */
  public synchronized java.util.Optional<ManagedChannel> channel() {
    if (server == null) {
      return java.util.Optional.empty();
    }
    if (channel == null) {
      channel = InProcessChannelBuilder.forName(inProcessName).build();
    }
    return java.util.Optional.of(channel);
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
    synchronized (this) {
      if (channel != null) {
        channel.shutdownNow();
      }
    }
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
