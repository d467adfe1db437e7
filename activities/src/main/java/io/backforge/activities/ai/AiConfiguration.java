package io.backforge.activities.ai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured language model as a shared bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
class AiConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

  @Bean
  LanguageModel languageModel(AiProperties properties) {
    LanguageModel model = LanguageModel.of(properties);
    if (model.configured()) {
      log.info("AI enrichment and drafts use {}", model.name());
    } else {
      log.info("AI enrichment and drafts are off: {}", model.unavailableReason());
    }
    return model;
  }
}
