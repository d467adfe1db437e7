package io.backforge.api.temporal;

import io.backforge.activities.worker.TemporalConnection;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection to Temporal: at the configured target, or the embedded test server that {@link
 * EmbeddedTemporalStarter} started in this process because nothing answered there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemporalProperties.class)
class TemporalConfiguration {

  @Bean
  TemporalConnection temporalConnection(
      TemporalProperties properties, ObjectProvider<EmbeddedTemporal> embedded) {
    EmbeddedTemporal server =
        embedded.getIfAvailable(() -> EmbeddedTemporal.startIfNeeded(properties));
    return new TemporalConnection(
        properties.target(), properties.namespace(), server.running(), server.ready());
  }

  /**
   * Stubs for the target, or, when this process runs the embedded server, for that server in
   * process (see {@link EmbeddedTemporal#channel()}).
   */
  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(
      TemporalProperties properties, ObjectProvider<EmbeddedTemporal> embedded) {
    WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder();
    EmbeddedTemporal server = embedded.getIfAvailable();
    java.util.Optional<io.grpc.ManagedChannel> channel =
        server == null ? java.util.Optional.empty() : server.channel();
    channel.ifPresentOrElse(options::setChannel, () -> options.setTarget(properties.target()));
    return WorkflowServiceStubs.newServiceStubs(options.build());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(properties.namespace()).build());
  }
}
