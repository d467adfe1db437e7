package io.backforge.templates.spec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names a spec may not use in any stack, because the generated API or its database already uses
 * them: the columns and JSON properties every generated table has, and the tables the generated
 * code creates itself. Each {@code why...} method returns the reason, worded for people, or nothing
 * when the name is free.
 *
 * <p>Words that are reserved in a target language or SQL dialect are not refused: each stack maps
 * them to identifiers of its own (its naming class knows its language's keywords), and every stack
 * quotes SQL identifiers, so JSON properties, query parameters and OpenAPI names stay exactly as
 * written in the spec.
 */
public final class ReservedWords {

  /** Snake forms of the columns (and JSON properties) every generated table has. */
  public static final Map<String, String> GENERATED_ATTRIBUTES =
      Map.of(
          "id", "every generated table already has the primary key 'id'",
          "created_at", "every generated table already has the timestamp 'createdAt'",
          "updated_at", "every generated table already has the timestamp 'updatedAt'");

  /** Tables the generated code creates whatever the entities are. */
  public static final Set<String> GENERATED_TABLES = Set.of("auth_accounts");

  private ReservedWords() {}

  /**
   * Why {@code name} may not name a member (a field or a relation) of an entity, or nothing when it
   * may: the generated code gives every entity these attributes itself.
   */
  public static Optional<String> whyReservedForMember(Identifier name) {
    return Optional.ofNullable(GENERATED_ATTRIBUTES.get(name.snake()));
  }

  /** Why {@code table} may not name a table, or nothing when it may. */
  public static Optional<String> whyReservedForTable(String table) {
    return GENERATED_TABLES.contains(table)
        ? Optional.of("the generated code creates the table '" + table + "' itself")
        : Optional.empty();
  }
}
