package io.backforge.templates.enrich;

import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.ProjectSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validated model output that the templates render as data: descriptions, an overview and sample
 * rows that satisfy every constraint and relation of the spec. Created by {@link
 * EnrichmentValidator}; immutable, with maps in a fixed order so that equal enrichments render
 * equal bytes.
 *
 * @param overview paragraphs on the project's domain, or {@code null}
 * @param entities notes per entity, in the spec's entity order; entities without notes are absent
 */
public record Enrichment(List<String> overview, List<EntityNotes> entities) {

  public Enrichment {
    overview = overview == null ? List.of() : List.copyOf(overview);
    entities = entities == null ? List.of() : List.copyOf(entities);
  }

  /** An enrichment with nothing in it. */
  public static Enrichment empty() {
    return new Enrichment(List.of(), List.of());
  }

  /** The notes on {@code entity}, if any. */
  public Optional<EntityNotes> entity(String entity) {
    return entities.stream().filter(e -> e.entity().equals(entity)).findFirst();
  }

  /**
   * {@code spec} with this enrichment's descriptions where the spec has none; the spec's own win.
   * Every stack renders descriptions from the spec this answers.
   */
  public ProjectSpec describe(ProjectSpec spec) {
    List<EntitySpec> described = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      EntityNotes notes = entity(entity.name().value()).orElse(null);
      if (notes == null) {
        described.add(entity);
        continue;
      }
      List<FieldSpec> fields = new ArrayList<>();
      for (FieldSpec f : entity.fields()) {
        String note = notes.field(f.name().value());
        fields.add(f.description() != null || note == null ? f : f.withDescription(note));
      }
      String description =
          entity.description() != null ? entity.description() : notes.description();
      described.add(entity.with(description, fields));
    }
    return new ProjectSpec(
        spec.name(),
        spec.description(),
        spec.stack(),
        spec.database(),
        described,
        spec.features(),
        spec.ai(),
        spec.verify());
  }

  /**
   * Notes on one entity.
   *
   * @param entity the entity name
   * @param description one line, or {@code null}
   * @param fields one line per described field, in the spec's field order
   * @param samples rows that satisfy the spec, in insertion order
   */
  public record EntityNotes(
      String entity, String description, Map<String, String> fields, List<SampleRow> samples) {

    public EntityNotes {
      fields = ordered(fields);
      samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** The description of {@code field}, or {@code null}. */
    public String field(String field) {
      return fields.get(field);
    }
  }

  /**
   * One sample row.
   *
   * @param values canonical text of each given field value, by field name, in the spec's order
   * @param references by many-to-one relation name, the 0-based position of the target's row
   */
  public record SampleRow(Map<String, String> values, Map<String, Integer> references) {

    public SampleRow {
      values = ordered(values);
      references = ordered(references);
    }
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
