package io.backforge.templates.springboot;

import io.backforge.templates.generate.StackGenerator;
import io.backforge.templates.pack.ModelFeature;
import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.VerificationRecipe;
import io.backforge.templates.spec.Database;
import io.backforge.templates.spec.Stack;
import java.util.Set;

/** The Spring Boot stack: Java 17 Maven projects on Spring Boot 4. */
public final class SpringBootPack implements StackPack {

  /** Its catalog id, {@code spring-boot}. */
  public static final Stack STACK = new Stack("spring-boot");

  private final SpringBootGenerator generator = new SpringBootGenerator();
  private final VerificationRecipe recipe = SpringBootVerification.recipe(generator);

  @Override
  public Stack stack() {
    return STACK;
  }

  @Override
  public String title() {
    return "Spring Boot 4 (Java 17)";
  }

  @Override
  public String libraries() {
    return "Spring Web MVC, Spring Data JPA, Flyway, Bean Validation, JUnit and MockMvc";
  }

  @Override
  public String openApiPath() {
    return "/v3/api-docs";
  }

  @Override
  public String verification() {
    return "an offline Maven build with its own tests";
  }

  @Override
  public String driver(Database database) {
    return switch (database) {
      case POSTGRESQL -> "the PostgreSQL JDBC driver";
      case SQLITE -> "an H2 file database instead";
      case MYSQL -> "MySQL Connector/J";
    };
  }

  @Override
  public StackGenerator generator() {
    return generator;
  }

  @Override
  public VerificationRecipe verificationRecipe() {
    return recipe;
  }

  @Override
  public Set<ModelFeature> modelFeatures() {
    return Set.of(
        ModelFeature.FIELD_DEFAULTS,
        ModelFeature.DELETE_RULES,
        ModelFeature.ONE_TO_ONE,
        ModelFeature.COMPOSITE_UNIQUE);
  }
}
