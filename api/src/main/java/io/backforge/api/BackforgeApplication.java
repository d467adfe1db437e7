package io.backforge.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Backforge platform: web role (REST API, pages) and worker role (Temporal workers). */
@SpringBootApplication(scanBasePackages = "io.backforge")
public class BackforgeApplication {

  /** Starts the platform. */
  public static void main(String[] args) {
    SpringApplication.run(BackforgeApplication.class, args);
  }
}
