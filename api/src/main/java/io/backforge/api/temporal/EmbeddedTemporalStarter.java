package io.backforge.api.temporal;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded Temporal server as early as possible: when the application context is
 * prepared, before its beans are created, so the server's start-up runs alongside theirs.
 */
public class EmbeddedTemporalStarter implements ApplicationListener<ApplicationPreparedEvent> {

  /** The bean name of the {@link EmbeddedTemporal} this listener registers. */
  static final String BEAN_NAME = "embeddedTemporal";

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    TemporalProperties properties =
        Binder.get(event.getApplicationContext().getEnvironment())
            .bindOrCreate("backforge.temporal", TemporalProperties.class);
    EmbeddedTemporal embedded = EmbeddedTemporal.startIfNeeded(properties);
    ConfigurableListableBeanFactory beans = event.getApplicationContext().getBeanFactory();
    beans.registerSingleton(BEAN_NAME, embedded);
    if (beans instanceof DefaultListableBeanFactory registry) {
      registry.registerDisposableBean(BEAN_NAME, embedded::close);
    }
  }
}
