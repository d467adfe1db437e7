package io.backforge.activities.generation;

import io.backforge.templates.generate.ProjectGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generator library as shared beans: templates compile once per process. */
@Configuration(proxyBeanMethods = false)
class GeneratorConfiguration {

  @Bean
  ProjectGenerator projectGenerator() {
    return new ProjectGenerator();
  }
}
