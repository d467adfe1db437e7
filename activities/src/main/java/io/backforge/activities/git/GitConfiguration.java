package io.backforge.activities.git;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The allow-list and the token cipher, from {@link GitProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GitProperties.class)
class GitConfiguration {

  private static final Logger log = LoggerFactory.getLogger(GitConfiguration.class);

  @Bean
  GitRemotes gitRemotes(GitProperties properties) {
    return new GitRemotes(properties.allowedRemotes());
  }

  @Bean
  TokenCipher gitTokenCipher(GitProperties properties) {
    if (properties.tokenKey().isBlank()) {
      log.warn(
          "BACKFORGE_GIT_TOKEN_KEY is not set: git tokens are encrypted with a random key of this"
              + " process, so a worker in another process cannot read them");
      return TokenCipher.random();
    }
    return TokenCipher.of(properties.tokenKey());
  }
}
