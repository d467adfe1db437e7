package com.example.blog_api.web;

import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.util.MultiValueMap;

/**
 * List endpoints' query string, the same for every entity: {@code page} (from 1), {@code size} (1
 * to {@value #MAX_PAGE_SIZE}), {@code sort=field} or {@code sort=-field} (several, comma
 * separated), and equality filters {@code field=value} on ids, fields and references. A filter
 * value is refused as a body value would be: text with a NUL or an unpaired surrogate, a
 * date-time finer than a microsecond.
 */
final class ListQuery {

  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;
  static final boolean PAGINATED = true;

  /** How a query value is read. */
  enum Kind {
    ID,
    STRING,
    TEXT,
    ENUM,
    INTEGER,
    LONG,
    DECIMAL,
    BOOLEAN,
    DATE,
    DATETIME,
    UUID
  }

  /**
   * A column a list can be sorted by.
   *
   * @param property the JPA attribute path
   * @param kind how filter values are read
   * @param filterable whether {@code key=value} filters on it
   */
  record Column(String property, Kind kind, boolean filterable) {}

  private ListQuery() {}

  /** Runs the list query of {@code params} within {@code base}. */
  static <T, R> ListResponse<R> list(
      MultiValueMap<String, String> params,
      Map<String, Column> columns,
      JpaSpecificationExecutor<T> repository,
      Specification<T> base,
      Function<T, R> view) {
    List<InvalidField> errors = new ArrayList<>();
    int page = positive(params, "page", 1, Integer.MAX_VALUE, errors);
    int size = positive(params, "size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, errors);
    List<Filter> filters = new ArrayList<>();
    for (String key : new TreeSet<>(params.keySet())) {
      if (key.equals("page") || key.equals("size") || key.equals("sort")) {
        continue;
      }
      Column column = columns.get(key);
      if (column == null || !column.filterable()) {
        errors.add(new InvalidField(key, "Unknown query parameter."));
        continue;
      }
      try {
        filters.add(new Filter(column.property(), parse(column.kind(), params.getFirst(key))));
      } catch (RuntimeException e) {
        errors.add(new InvalidField(key, invalid(column.kind())));
      }
    }
    List<Ordering> orders = sort(params.getFirst("sort"), columns, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Invalid query parameters.", errors);
    }
    Specification<T> where =
        (root, query, cb) -> {
          List<Predicate> predicates = new ArrayList<>();
          predicates.add(base.toPredicate(root, query, cb));
          for (Filter filter : filters) {
            predicates.add(cb.equal(path(root, filter.property()), filter.value()));
          }
          if (query.getResultType() != Long.class) {
            List<jakarta.persistence.criteria.Order> order = new ArrayList<>();
            for (Ordering ordering : orders) {
              Path<Object> path = path(root, ordering.property());
              order.add(ordering.descending() ? cb.desc(path) : cb.asc(path));
            }
            query.orderBy(order);
          }
          return cb.and(predicates.toArray(new Predicate[0]));
        };
    if (!PAGINATED) {
      List<R> items = repository.findAll(where).stream().map(view).toList();
      return new ListResponse<>(items, null, null, items.size());
    }
    Page<T> rows = repository.findAll(where, PageRequest.of(page - 1, size));
    return new ListResponse<>(
        rows.getContent().stream().map(view).toList(), page, size, rows.getTotalElements());
  }

  private record Filter(String property, Object value) {}

  /**
   * One key of the sort order. Ordering is applied to the criteria query itself rather than through
   * a Spring Data {@code Sort}, whose property paths read "_" as a separator and so could not name
   * attributes such as {@code new_}.
   */
  private record Ordering(String property, boolean descending) {}

  private static Path<Object> path(Path<?> root, String property) {
    Path<Object> path = null;
    Path<?> current = root;
    for (String part : property.split("\\.")) {
      path = current.get(part);
      current = path;
    }
    return path;
  }

  private static List<Ordering> sort(
      String raw, Map<String, Column> columns, List<InvalidField> errors) {
    List<Ordering> orders = new ArrayList<>();
    for (String part : (raw == null || raw.isBlank() ? "id" : raw).split(",")) {
      boolean descending = part.startsWith("-");
      String key = descending ? part.substring(1) : part;
      Column column = columns.get(key);
      if (column == null) {
        errors.add(new InvalidField("sort", "Cannot sort by '" + key + "'."));
        continue;
      }
      orders.add(new Ordering(column.property(), descending));
    }
    orders.add(new Ordering("id", false));
    return orders;
  }

  private static int positive(
      MultiValueMap<String, String> params,
      String name,
      int fallback,
      int maximum,
      List<InvalidField> errors) {
    String raw = params.getFirst(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value < 1) {
        errors.add(new InvalidField(name, "Must be a positive integer."));
      } else if (value > maximum) {
        errors.add(new InvalidField(name, "Must be at most " + maximum + "."));
      } else {
        return value;
      }
    } catch (NumberFormatException e) {
      errors.add(new InvalidField(name, "Must be a positive integer."));
    }
    return fallback;
  }

  private static Object parse(Kind kind, String raw) {
    return switch (kind) {
      case ID, LONG -> Long.valueOf(raw);
      case INTEGER -> Integer.valueOf(raw);
      case DECIMAL -> new BigDecimal(raw);
      case BOOLEAN -> {
        if (!raw.equals("true") && !raw.equals("false")) {
          throw new IllegalArgumentException("not a boolean");
        }
        yield Boolean.valueOf(raw);
      }
      case DATE -> LocalDate.parse(raw);
      case DATETIME -> {
        Instant value = Instant.parse(raw);
        if (value.getNano() % 1000 != 0) {
          throw new IllegalArgumentException("finer than a microsecond");
        }
        yield value;
      }
      case UUID -> java.util.UUID.fromString(raw);
      case STRING, TEXT, ENUM -> {
        if (!RequestBodies.storable(raw)) {
          throw new IllegalArgumentException("not storable text");
        }
        yield raw;
      }
    };
  }

  private static String invalid(Kind kind) {
    return switch (kind) {
      case STRING, TEXT, ENUM -> RequestBodies.BAD_TEXT;
      default -> "Invalid value for a " + describe(kind) + ".";
    };
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case ID, LONG, INTEGER -> "whole number";
      case DECIMAL -> "number";
      case BOOLEAN -> "boolean (true or false)";
      case DATE -> "date (YYYY-MM-DD)";
      case DATETIME ->
          "date and time (ISO 8601 with zone and at most 6 fractional digits, such as"
              + " 2024-01-15T09:30:00Z)";
      case UUID -> "UUID";
      case STRING, TEXT, ENUM -> "text";
    };
  }
}
