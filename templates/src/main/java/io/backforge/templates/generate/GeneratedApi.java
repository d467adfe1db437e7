package io.backforge.templates.generate;

import io.backforge.templates.sample.SampleValues;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.RelationSpec;
import java.util.List;

/**
 * What every stack's generated HTTP API has in common, for clients of generated projects (the live
 * contract check of verification): where an entity's endpoints are, the JSON keys of its relations,
 * the account endpoints of {@code auth: jwt}, and the sample values the generated tests send,
 * seeded the same way, so a client agrees with the generator by construction.
 */
public final class GeneratedApi {

  /** Creates an account from {@code {"email", "password"}}. */
  public static final String REGISTER_PATH = "/auth/register";

  /** Exchanges the same credentials for a token. */
  public static final String LOGIN_PATH = "/auth/login";

  /** The key of the bearer token in the login response. */
  public static final String TOKEN_KEY = "accessToken";

  private GeneratedApi() {}

  /** The path of an entity's collection: list and create; {@code /{id}} below it for one row. */
  public static String collectionPath(EntitySpec entity) {
    return "/api/" + entity.name().kebabPlural();
  }

  /** The JSON key of a many-to-one relation: the id of the referenced row. */
  public static String toOneKey(RelationSpec relation) {
    return relation.name().camel() + "Id";
  }

  /** The JSON key of a many-to-many relation: the ids of the referenced rows. */
  public static String toManyKey(RelationSpec relation) {
    return relation.name().camel() + "Ids";
  }

  /** The seed of a field's sample values, the same in every stack's generated tests. */
  public static long seed(EntitySpec entity, FieldSpec field) {
    return (entity.name().value() + "." + field.name().value()).hashCode();
  }

  /** Up to {@code count} distinct valid values of {@code field}, as the generated tests use. */
  public static List<Object> samples(EntitySpec entity, FieldSpec field, int count) {
    return SampleValues.valid(field, count, seed(entity, field));
  }

  /** One value per constraint of {@code field} that breaks it, as the generated tests send. */
  public static List<SampleValues.Violation> violations(EntitySpec entity, FieldSpec field) {
    return SampleValues.violations(field, seed(entity, field));
  }
}
