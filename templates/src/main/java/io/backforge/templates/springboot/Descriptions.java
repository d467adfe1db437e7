package io.backforge.templates.springboot;

import io.backforge.templates.enrich.Enrichment;
import io.backforge.templates.enrich.Enrichment.EntityNotes;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.ProjectSpec;
import java.util.ArrayList;
import java.util.List;

/** Fills the descriptions a spec leaves out from a validated enrichment; the spec's own win. */
final class Descriptions {

  private Descriptions() {}

  static ProjectSpec merge(ProjectSpec spec, Enrichment enrichment) {
    List<EntitySpec> entities = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      EntityNotes notes = enrichment.entity(entity.name().value()).orElse(null);
      if (notes == null) {
        entities.add(entity);
        continue;
      }
      List<FieldSpec> fields = new ArrayList<>();
      for (FieldSpec f : entity.fields()) {
        String note = notes.field(f.name().value());
        fields.add(
            f.description() != null || note == null
                ? f
                : new FieldSpec(
                    f.name(),
                    f.type(),
                    f.required(),
                    f.unique(),
                    f.min(),
                    f.max(),
                    f.minLength(),
                    f.maxLength(),
                    f.pattern(),
                    f.values(),
                    note));
      }
      String description =
          entity.description() != null ? entity.description() : notes.description();
      entities.add(new EntitySpec(entity.name(), description, fields, entity.relations()));
    }
    return new ProjectSpec(
        spec.name(),
        spec.description(),
        spec.stack(),
        spec.database(),
        entities,
        spec.features(),
        spec.ai(),
        spec.verify());
  }
}
