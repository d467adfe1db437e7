package io.backforge.api.web;

import io.backforge.api.web.diagram.ErModel;
import io.backforge.api.web.diagram.ErModel.Entity;
import io.backforge.api.web.diagram.ErModel.Field;
import io.backforge.api.web.diagram.ErModel.Relation;

/**
 * The model a draft describes, for its diagram: names as typed (stripped), whether or not the draft
 * validates yet. {@link io.backforge.api.web.diagram.ModelDiagram} leaves out what cannot be drawn.
 */
final class DraftModel {

  private DraftModel() {}

  static ErModel of(SpecDraft draft) {
    return new ErModel(
        draft.getEntities().stream()
            .map(
                entity ->
                    new Entity(
                        strip(entity.getName()),
                        entity.getFields().stream()
                            .filter(field -> !strip(field.getName()).isEmpty())
                            .map(
                                field ->
                                    new Field(
                                        strip(field.getName()),
                                        strip(field.getType()),
                                        field.isRequired(),
                                        field.isUnique()))
                            .toList(),
                        entity.getRelations().stream()
                            .filter(relation -> !strip(relation.getName()).isEmpty())
                            .map(
                                relation ->
                                    new Relation(
                                        strip(relation.getName()),
                                        strip(relation.getKind()),
                                        strip(relation.getTarget())))
                            .toList()))
            .toList());
  }

  private static String strip(String text) {
    return text == null ? "" : text.strip();
  }
}
