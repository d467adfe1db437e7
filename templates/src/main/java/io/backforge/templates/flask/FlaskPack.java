package io.backforge.templates.flask;

import io.backforge.templates.generate.StackGenerator;
import io.backforge.templates.pack.ModelFeature;
import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.VerificationRecipe;
import io.backforge.templates.spec.Database;
import io.backforge.templates.spec.Stack;
import java.util.Set;

/** The Flask stack: Python 3 projects on Flask, Flask-SQLAlchemy and marshmallow. */
public final class FlaskPack implements StackPack {

  /** Its catalog id, {@code flask}. */
  public static final Stack STACK = new Stack("flask");

  private final FlaskGenerator generator = new FlaskGenerator();
  private final VerificationRecipe recipe = FlaskVerification.recipe();

  @Override
  public Stack stack() {
    return STACK;
  }

  @Override
  public String title() {
    return "Flask (Python 3)";
  }

  @Override
  public String libraries() {
    return "Flask, Flask-SQLAlchemy, marshmallow, pytest";
  }

  @Override
  public String openApiPath() {
    return "/openapi.json";
  }

  @Override
  public String verification() {
    return "black --check, pyflakes and its own tests";
  }

  @Override
  public String driver(Database database) {
    return switch (database) {
      case POSTGRESQL -> "psycopg2";
      case SQLITE -> "the sqlite3 module built into Python";
      case MYSQL -> "PyMySQL";
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
