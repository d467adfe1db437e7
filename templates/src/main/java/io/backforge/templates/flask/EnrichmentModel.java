package io.backforge.templates.flask;

import io.backforge.templates.enrich.Enrichment;
import io.backforge.templates.enrich.Enrichment.EntityNotes;
import io.backforge.templates.enrich.Enrichment.SampleRow;
import io.backforge.templates.enrich.EnrichmentValidator;
import io.backforge.templates.enrich.SeedOrder;
import io.backforge.templates.generate.MarkdownText;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a validated {@link Enrichment} adds to a Flask project, as template values: descriptions go
 * into a copy of the spec (so README tables and the OpenAPI document render them through their
 * usual escaping), the overview into the README, sample rows into {@code app/seed.py} as Python
 * literals. AI text never becomes code: every string passes {@link PythonLiterals#string} or {@link
 * MarkdownText#inline}.
 */
final class EnrichmentModel {

  private static final Set<FieldType> COMPARABLE =
      EnumSet.of(
          FieldType.STRING,
          FieldType.TEXT,
          FieldType.ENUM,
          FieldType.INTEGER,
          FieldType.LONG,
          FieldType.BOOLEAN,
          FieldType.DATE,
          FieldType.UUID);

  private EnrichmentModel() {}

  /** The README's overview paragraphs, escaped for Markdown. */
  static List<String> overview(Enrichment enrichment) {
    return enrichment.overview().stream().map(MarkdownText::inline).toList();
  }

  /** Whether there is sample data to seed. */
  static boolean hasSamples(Enrichment enrichment) {
    return enrichment.entities().stream().anyMatch(e -> !e.samples().isEmpty());
  }

  /** The sample rows in insertion order, as values for {@code app/seed.py}. */
  static List<Map<String, Object>> seedRows(ProjectSpec spec, Enrichment enrichment) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EntitySpec entity : SeedOrder.of(spec)) {
      EntityNotes notes = enrichment.entity(entity.name().value()).orElse(null);
      if (notes == null) {
        continue;
      }
      for (SampleRow row : notes.samples()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entityLiteral", PythonLiterals.string(entity.name().value()));
        m.put("pathLiteral", PythonLiterals.string("/api/" + entity.name().kebabPlural()));
        List<Map<String, String>> values = new ArrayList<>();
        List<Map<String, String>> compared = new ArrayList<>();
        for (FieldSpec field : entity.fields()) {
          String canonical = row.values().get(field.name().value());
          if (canonical != null) {
            Map<String, String> value =
                Map.of(
                    "keyLiteral", PythonLiterals.string(field.name().value()),
                    "valueLiteral", literal(EnrichmentValidator.typed(field, canonical)));
            values.add(value);
            if (COMPARABLE.contains(field.type())) {
              compared.add(value);
            }
          }
        }
        List<Map<String, String>> references = new ArrayList<>();
        for (RelationSpec relation : entity.relations()) {
          Integer index = row.references().get(relation.name().value());
          if (index != null) {
            references.add(
                Map.of(
                    "keyLiteral", PythonLiterals.string(FlaskModel.toOneKey(relation)),
                    "targetLiteral", PythonLiterals.string(relation.target().value()),
                    "index", index.toString()));
          }
        }
        // Black writes an empty collection as [] or {}; a filled one exploded, one item a line.
        m.put("values", values);
        m.put("hasValues", !values.isEmpty());
        m.put("compared", compared);
        m.put("hasCompared", !compared.isEmpty());
        m.put("references", references);
        m.put("hasReferences", !references.isEmpty());
        rows.add(m);
      }
    }
    return rows;
  }

  private static String literal(Object value) {
    if (value instanceof Boolean b) {
      return PythonLiterals.bool(b);
    }
    if (value instanceof BigInteger i) {
      return i.toString();
    }
    return PythonLiterals.string((String) value);
  }
}
