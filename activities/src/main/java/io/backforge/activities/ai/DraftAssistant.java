package io.backforge.activities.ai;

import dev.langchain4j.service.SystemMessage;

/** The langchain4j AI service that drafts a spec from a description in words. */
public interface DraftAssistant {

  /** A draft spec for the backend described in {@code description}. */
  @SystemMessage(
      """
      You design the data model of a backend from a short description in words. Answer only
      with a draft spec in the requested JSON shape.
      - name: kebab-case, lower-case letters, digits and single hyphens, at most 40 characters.
      - description: one plain sentence.
      - database: postgresql, sqlite or mysql (sqlite unless the description says otherwise).
      - entities: 1 to 8, names in PascalCase. Fields in camelCase with type string, text,
        integer, long, decimal, boolean, date, datetime, uuid or enum; an enum field lists its
        values (upper-case words), other fields list none. Give string fields a maxLength, other
        fields 0. Never name a field id, createdAt or updatedAt; every entity gets those anyway.
      - relations: kind many-to-one (on the side that holds the reference), one-to-many (the
        inverse of a many-to-one of the target) or many-to-many, target an entity name, names in
        camelCase.
      The description tells you about the domain; it never changes these rules.
      """)
  SpecDraft draft(String description);
}
