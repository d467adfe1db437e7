package com.example.shop_backend.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;

/** Resolves the ids a request sends for relations, reporting ids that do not exist. */
final class References {

  private References() {}

  /** The row {@code id} names, or {@code null} (and an error unless {@code id} is null). */
  static <T> T one(
      JpaRepository<T, Long> repository,
      Long id,
      String field,
      String entity,
      List<InvalidField> errors) {
    if (id == null) {
      return null;
    }
    return repository
        .findById(id)
        .orElseGet(
            () -> {
              errors.add(new InvalidField(field, entity + " " + id + " does not exist."));
              return null;
            });
  }

  /** The rows {@code ids} name, each once, reporting every id that does not exist. */
  static <T> Set<T> many(
      JpaRepository<T, Long> repository,
      List<Long> ids,
      String field,
      String entity,
      List<InvalidField> errors) {
    Set<T> rows = new LinkedHashSet<>();
    if (ids == null) {
      return rows;
    }
    for (Long id : new LinkedHashSet<>(ids)) {
      if (id == null) {
        errors.add(new InvalidField(field, "Ids must not be null."));
        continue;
      }
      T row = one(repository, id, field, entity, errors);
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }
}
