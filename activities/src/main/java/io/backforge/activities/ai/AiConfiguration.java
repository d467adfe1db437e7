package io.backforge.activities.ai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configured language model as a shared bean; only workers ask it (enrichment and drafts both
 * run as activities), so a process without the worker role needs none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
class AiConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

  @Bean
  LanguageModel languageModel(
      AiProperties properties, @Value("${backforge.roles:web,worker}") String roles) {
    LanguageModel model = LanguageModel.of(properties);
    if (!roles.contains("worker")) {
      log.info("No worker role here: AI enrichment and drafts use the workers' language model");
    } else if (model.configured()) {
      log.info("AI enrichment and drafts use {}", model.name());
    } else {
      log.info("AI enrichment and drafts are off: {}", model.unavailableReason());
    }
    return model;
  }
}
