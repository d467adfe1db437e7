package io.backforge.templates.enrich;

import java.util.List;

/**
 * What a language model answers when asked to enrich a spec: untrusted data of the shape the model
 * was asked for, nothing more. Only {@link EnrichmentValidator} turns it into an {@link
 * Enrichment}; no part of it reaches a template unchecked. Any list may be {@code null} in an
 * answer; the validator treats that as empty.
 *
 * @param overview a few paragraphs on the project's domain for the README
 * @param entities notes and sample rows per entity
 */
public record EnrichmentAnswer(String overview, List<Entity> entities) {

  /**
   * Notes on one entity.
   *
   * @param entity the entity name as in the spec
   * @param description one line on what the entity is
   * @param fields one line per field
   * @param sampleRows realistic rows, referenced by their 0-based position
   */
  public record Entity(
      String entity, String description, List<Field> fields, List<SampleRow> sampleRows) {}

  /**
   * A one-line description of a field.
   *
   * @param field the field name as in the spec
   * @param description one line on what the field holds
   */
  public record Field(String field, String description) {}

  /**
   * One sample row.
   *
   * @param values the row's values
   */
  public record SampleRow(List<SampleValue> values) {}

  /**
   * One value of a sample row.
   *
   * @param field a field name, or the name of a many-to-one relation
   * @param value the value as text; for a relation the 0-based position of the target's row
   */
  public record SampleValue(String field, String value) {}
}
