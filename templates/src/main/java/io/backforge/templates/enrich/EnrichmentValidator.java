package io.backforge.templates.enrich;

import io.backforge.templates.enrich.Enrichment.EntityNotes;
import io.backforge.templates.enrich.Enrichment.SampleRow;
import io.backforge.templates.sample.SampleValues;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an untrusted {@link EnrichmentAnswer} into an {@link Enrichment} for a spec, dropping with
 * a warning everything that does not fit: unknown entities and fields, descriptions that are too
 * long or look like markup or code, sample rows with a value that breaks a constraint of its field
 * (type, min/max, lengths, full-match pattern, enum values, unique), an unknown or duplicate field,
 * a missing required value, or a reference to a row that does not exist or comes later in {@link
 * SeedOrder}. Never throws for bad input. Deterministic and thread-safe.
 */
public final class EnrichmentValidator {

  /** Longest description of an entity or field, in characters. */
  public static final int MAX_DESCRIPTION_LENGTH = 200;

  /** Longest overview, in characters. */
  public static final int MAX_OVERVIEW_LENGTH = 2000;

  /** Most overview paragraphs kept. */
  public static final int MAX_OVERVIEW_PARAGRAPHS = 5;

  /** Most sample rows kept per entity. */
  public static final int MAX_SAMPLE_ROWS = 10;

  /** Longest sample text when the field sets no {@code maxLength}. */
  public static final int MAX_SAMPLE_TEXT_LENGTH = 500;

  /** Most warnings listed; the rest are counted in one more. */
  public static final int MAX_WARNINGS = 20;

  private static final Pattern UUID_SHAPE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,5}");

  /**
   * The validated enrichment and what was dropped.
   *
   * @param enrichment the enrichment; possibly empty
   * @param warnings one line per dropped part, for people
   */
  public record Checked(Enrichment enrichment, List<String> warnings) {

    public Checked {
      warnings = List.copyOf(warnings);
    }
  }

  /** Validates {@code answer} against {@code spec}. */
  public Checked validate(ProjectSpec spec, EnrichmentAnswer answer) {
    Run run = new Run(spec);
    if (answer == null) {
      run.warn("the model gave no answer");
      return run.result(List.of(), List.of());
    }
    return run.result(run.overview(answer.overview()), run.entities(answer.entities()));
  }

  /** One validation, collecting warnings. */
  private static final class Run {
    private final ProjectSpec spec;
    private final List<String> warnings = new ArrayList<>();
    private int suppressed;

    Run(ProjectSpec spec) {
      this.spec = spec;
    }

    Checked result(List<String> overview, List<EntityNotes> entities) {
      List<String> out = new ArrayList<>();
      warnings.forEach(w -> out.add("AI enrichment: " + w));
      if (suppressed > 0) {
        out.add("AI enrichment: " + suppressed + " more parts of the answer were dropped");
      }
      return new Checked(new Enrichment(overview, entities), out);
    }

    void warn(String warning) {
      if (warnings.size() < MAX_WARNINGS) {
        warnings.add(warning);
      } else {
        suppressed++;
      }
    }

    List<String> overview(String text) {
      if (text == null || text.isBlank()) {
        return List.of();
      }
      int length = text.codePointCount(0, text.length());
      if (length > MAX_OVERVIEW_LENGTH) {
        warn("dropped the overview: it is " + length + " characters long");
        return List.of();
      }
      List<String> paragraphs = new ArrayList<>();
      for (String raw : text.strip().split("\\R\\s*\\R")) {
        String paragraph = raw.strip().replaceAll("\\s*\\R\\s*", " ");
        Optional<String> problem = AiText.contentProblem(paragraph);
        if (problem.isPresent()) {
          warn("dropped the overview: it " + problem.get());
          return List.of();
        }
        if (!paragraph.isEmpty() && paragraphs.size() < MAX_OVERVIEW_PARAGRAPHS) {
          paragraphs.add(paragraph);
        }
      }
      return paragraphs;
    }

    List<EntityNotes> entities(List<EnrichmentAnswer.Entity> answers) {
      Map<String, EnrichmentAnswer.Entity> byName = new LinkedHashMap<>();
      for (EnrichmentAnswer.Entity answer :
          answers == null ? List.<EnrichmentAnswer.Entity>of() : answers) {
        if (answer == null || answer.entity() == null) {
          continue;
        }
        if (spec.entity(answer.entity()).isEmpty()) {
          warn("ignored notes on the unknown entity " + AiText.quote(answer.entity()));
        } else if (byName.putIfAbsent(answer.entity(), answer) != null) {
          warn("ignored repeated notes on " + answer.entity());
        }
      }
      Map<String, List<Candidate>> candidates = new HashMap<>();
      for (EntitySpec entity : spec.entities()) {
        EnrichmentAnswer.Entity answer = byName.get(entity.name().value());
        candidates.put(
            entity.name().value(),
            answer == null ? List.of() : candidates(entity, answer.sampleRows()));
      }
      Map<String, List<SampleRow>> samples = resolve(candidates);
      List<EntityNotes> notes = new ArrayList<>();
      for (EntitySpec entity : spec.entities()) {
        EnrichmentAnswer.Entity answer = byName.get(entity.name().value());
        if (answer != null) {
          notes.add(
              new EntityNotes(
                  entity.name().value(),
                  description(entity.name().value(), answer.description()),
                  fields(entity, answer.fields()),
                  samples.get(entity.name().value())));
        }
      }
      return notes;
    }

    private String description(String where, String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      String line = text.strip();
      Optional<String> problem = AiText.lineProblem(line, MAX_DESCRIPTION_LENGTH);
      if (problem.isPresent()) {
        warn("dropped the description of " + where + ": it " + problem.get());
        return null;
      }
      return line;
    }

    private Map<String, String> fields(EntitySpec entity, List<EnrichmentAnswer.Field> answers) {
      Map<String, String> given = new HashMap<>();
      for (EnrichmentAnswer.Field answer :
          answers == null ? List.<EnrichmentAnswer.Field>of() : answers) {
        if (answer == null || answer.field() == null) {
          continue;
        }
        if (field(entity, answer.field()).isEmpty()) {
          warn(
              "ignored the description of the unknown field "
                  + entity.name().value()
                  + "."
                  + AiText.quote(answer.field()));
          continue;
        }
        String where = entity.name().value() + "." + answer.field();
        String description = description(where, answer.description());
        if (description != null) {
          given.putIfAbsent(answer.field(), description);
        }
      }
      Map<String, String> ordered = new LinkedHashMap<>();
      for (FieldSpec field : entity.fields()) {
        String description = given.get(field.name().value());
        if (description != null) {
          ordered.put(field.name().value(), description);
        }
      }
      return ordered;
    }

    private List<Candidate> candidates(EntitySpec entity, List<EnrichmentAnswer.SampleRow> rows) {
      List<Candidate> out = new ArrayList<>();
      if (rows == null) {
        return out;
      }
      if (rows.size() > MAX_SAMPLE_ROWS) {
        warn(
            "kept the first "
                + MAX_SAMPLE_ROWS
                + " of "
                + rows.size()
                + " sample rows of "
                + entity.name().value());
      }
      for (int i = 0; i < Math.min(rows.size(), MAX_SAMPLE_ROWS); i++) {
        Candidate candidate = candidate(entity, i, rows.get(i));
        if (candidate != null) {
          out.add(candidate);
        }
      }
      return out;
    }

    private Candidate candidate(EntitySpec entity, int index, EnrichmentAnswer.SampleRow row) {
      String where = "sample row " + index + " of " + entity.name().value();
      Map<String, String> values = new HashMap<>();
      Map<String, Integer> references = new HashMap<>();
      List<EnrichmentAnswer.SampleValue> given =
          row == null || row.values() == null ? List.of() : row.values();
      Set<String> seen = new HashSet<>();
      for (EnrichmentAnswer.SampleValue value : given) {
        if (value == null || value.field() == null) {
          continue;
        }
        String name = value.field();
        if (!seen.add(name)) {
          warn("dropped " + where + ": it gives " + AiText.quote(name) + " twice");
          return null;
        }
        Optional<FieldSpec> field = field(entity, name);
        Optional<RelationSpec> relation = manyToOne(entity, name);
        if (field.isEmpty() && relation.isEmpty()) {
          warn("dropped " + where + ": it has the unknown field " + AiText.quote(name));
          return null;
        }
        if (value.value() == null) {
          continue;
        }
        if (field.isPresent()) {
          Optional<String> canonical = canonical(field.get(), value.value());
          if (canonical.isEmpty()) {
            warn(
                "dropped "
                    + where
                    + ": "
                    + name
                    + " "
                    + AiText.quote(value.value())
                    + " breaks the field's type or constraints");
            return null;
          }
          values.put(name, canonical.get());
        } else {
          String text = value.value().strip();
          if (!INDEX.matcher(text).matches()) {
            warn(
                "dropped "
                    + where
                    + ": "
                    + name
                    + " must be the position of a "
                    + relation.get().target().value()
                    + " sample row, not "
                    + AiText.quote(value.value()));
            return null;
          }
          references.put(name, Integer.parseInt(text));
        }
      }
      for (FieldSpec field : entity.fields()) {
        if (field.required() && !values.containsKey(field.name().value())) {
          warn("dropped " + where + ": the required " + field.name().value() + " is missing");
          return null;
        }
      }
      Map<String, String> ordered = new LinkedHashMap<>();
      entity.fields().stream()
          .map(f -> f.name().value())
          .filter(values::containsKey)
          .forEach(name -> ordered.put(name, values.get(name)));
      return new Candidate(index, ordered, references);
    }

    private Map<String, List<SampleRow>> resolve(Map<String, List<Candidate>> candidates) {
      Map<String, List<SampleRow>> kept = new HashMap<>();
      Map<String, Map<Integer, Integer>> positions = new HashMap<>();
      for (EntitySpec entity : SeedOrder.of(spec)) {
        String name = entity.name().value();
        List<SampleRow> rows = new ArrayList<>();
        Map<Integer, Integer> position = new HashMap<>();
        positions.put(name, position);
        Map<String, Set<String>> uniques = new HashMap<>();
        for (Candidate candidate : candidates.get(name)) {
          String where = "sample row " + candidate.index() + " of " + name;
          Map<String, Integer> references = references(entity, candidate, positions, where);
          if (references != null && unique(entity, candidate, uniques, where)) {
            position.put(candidate.index(), rows.size());
            rows.add(new SampleRow(candidate.values(), references));
          }
        }
        kept.put(name, rows);
      }
      return kept;
    }

    private Map<String, Integer> references(
        EntitySpec entity,
        Candidate candidate,
        Map<String, Map<Integer, Integer>> positions,
        String where) {
      Map<String, Integer> resolved = new LinkedHashMap<>();
      for (RelationSpec relation : entity.relations()) {
        if (relation.kind() != RelationKind.MANY_TO_ONE) {
          continue;
        }
        String name = relation.name().value();
        Integer index = candidate.references().get(name);
        Integer position = null;
        if (index != null) {
          boolean self = relation.target().equals(entity.name());
          Map<Integer, Integer> target = positions.get(relation.target().value());
          position = self && index >= candidate.index() ? null : target.get(index);
          if (position == null) {
            warn(
                (relation.required() ? "dropped " : "left out a reference of ")
                    + where
                    + ": "
                    + name
                    + " points to "
                    + relation.target().value()
                    + " sample row "
                    + index
                    + ", which is not kept or not inserted before it");
          }
        } else if (relation.required()) {
          warn("dropped " + where + ": the required " + name + " is missing");
        }
        if (position == null && relation.required()) {
          return null;
        }
        if (position != null) {
          resolved.put(name, position);
        }
      }
      return resolved;
    }

    private boolean unique(
        EntitySpec entity, Candidate candidate, Map<String, Set<String>> uniques, String where) {
      for (FieldSpec field : entity.fields()) {
        String value = candidate.values().get(field.name().value());
        if (field.unique() && value != null) {
          String key = field.type() == FieldType.DECIMAL ? decimalKey(value) : value;
          if (uniques.getOrDefault(field.name().value(), Set.of()).contains(key)) {
            warn(
                "dropped "
                    + where
                    + ": "
                    + field.name().value()
                    + " "
                    + AiText.quote(value)
                    + " repeats an earlier row, but the field is unique");
            return false;
          }
        }
      }
      for (FieldSpec field : entity.fields()) {
        String value = candidate.values().get(field.name().value());
        if (field.unique() && value != null) {
          String key = field.type() == FieldType.DECIMAL ? decimalKey(value) : value;
          uniques.computeIfAbsent(field.name().value(), k -> new HashSet<>()).add(key);
        }
      }
      return true;
    }
  }

  /** A sample row whose values fit their fields, before its references are resolved. */
  private record Candidate(
      int index, Map<String, String> values, Map<String, Integer> references) {}

  private static Optional<FieldSpec> field(EntitySpec entity, String name) {
    return entity.fields().stream().filter(f -> f.name().value().equals(name)).findFirst();
  }

  private static Optional<RelationSpec> manyToOne(EntitySpec entity, String name) {
    return entity.relations().stream()
        .filter(r -> r.kind() == RelationKind.MANY_TO_ONE && r.name().value().equals(name))
        .findFirst();
  }

  /**
   * The canonical text of {@code raw} as a value of {@code field}, or nothing when it does not fit
   * the field's type and every constraint.
   */
  static Optional<String> canonical(FieldSpec field, String raw) {
    Object value = jsonValue(field.type(), raw);
    if (value == null || !SampleValues.satisfies(field, value)) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      boolean tooLong =
          field.maxLength() == null
              && text.codePointCount(0, text.length()) > MAX_SAMPLE_TEXT_LENGTH;
      if (tooLong || AiText.contentProblem(text).isPresent()) {
        return Optional.empty();
      }
    }
    return Optional.of(value.toString());
  }

  /**
   * {@code canonical} as the JSON-shaped value the generated code expects: {@link BigInteger} for
   * integers, {@link Boolean} for booleans, {@link String} otherwise.
   */
  public static Object typed(FieldSpec field, String canonical) {
    return switch (field.type()) {
      case INTEGER, LONG -> new BigInteger(canonical);
      case BOOLEAN -> Boolean.valueOf(canonical);
      default -> canonical;
    };
  }

  private static Object jsonValue(FieldType type, String raw) {
    String text = type == FieldType.STRING || type == FieldType.TEXT ? raw : raw.strip();
    if (type != FieldType.STRING && type != FieldType.TEXT && text.length() > 64) {
      return null;
    }
    try {
      return switch (type) {
        case STRING, TEXT, ENUM -> text;
        case INTEGER, LONG -> new BigInteger(text);
        case DECIMAL -> plain(new BigDecimal(text));
        case BOOLEAN ->
            switch (text.toLowerCase(Locale.ROOT)) {
              case "true" -> Boolean.TRUE;
              case "false" -> Boolean.FALSE;
              default -> null;
            };
        case DATE -> LocalDate.parse(text).toString();
        case DATETIME -> dateTime(text);
        case UUID -> UUID_SHAPE.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : null;
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      return null;
    }
  }

  private static String plain(BigDecimal decimal) {
    return Math.abs(decimal.scale()) > 30 ? null : decimal.toPlainString();
  }

  private static String dateTime(String text) {
    LocalDateTime utc;
    try {
      utc = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } catch (DateTimeParseException e) {
      utc = LocalDateTime.parse(text);
    }
    return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(utc.truncatedTo(ChronoUnit.MICROS)) + "Z";
  }

  private static String decimalKey(String value) {
    BigDecimal decimal = new BigDecimal(value);
    return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
  }
}
