package io.backforge.api.temporal;

import io.backforge.activities.worker.TemporalConnection;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection to Temporal. With the embedded default, when nothing answers at the target and the
 * target is this machine, Temporal's in-memory test server is started in this process, bound to the
 * target's port in real time, so that other worker processes can join it over gRPC.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemporalProperties.class)
class TemporalConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TemporalConfiguration.class);
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  @Bean(destroyMethod = "close")
  EmbeddedTemporal embeddedTemporal(TemporalProperties properties) {
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
    return new EmbeddedTemporal(TestServer.createPortBoundServer(target.port(), true));
  }

  @Bean
  TemporalConnection temporalConnection(TemporalProperties properties, EmbeddedTemporal embedded) {
    return new TemporalConnection(properties.target(), properties.namespace(), embedded.running());
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(
      TemporalProperties properties, EmbeddedTemporal embedded) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(properties.target()).build());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(properties.namespace()).build());
  }

  private static boolean answers(HostPort target) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target.host(), target.port()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The in-process test server, when this process started one. */
  static final class EmbeddedTemporal implements AutoCloseable {
    private final TestServer.PortBoundTestServer server;

    EmbeddedTemporal(TestServer.PortBoundTestServer server) {
      this.server = server;
    }

    boolean running() {
      return server != null;
    }

    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
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
