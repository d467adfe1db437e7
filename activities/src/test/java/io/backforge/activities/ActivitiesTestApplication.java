package io.backforge.activities;

import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** The activities and stores alone, on a fresh schema of the real PostgreSQL. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("io.backforge.activities")
public class ActivitiesTestApplication {

  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return (Flyway flyway) -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
