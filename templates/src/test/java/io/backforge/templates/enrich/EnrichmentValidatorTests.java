package io.backforge.templates.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.enrich.EnrichmentAnswer.Entity;
import io.backforge.templates.enrich.EnrichmentAnswer.Field;
import io.backforge.templates.enrich.EnrichmentAnswer.SampleRow;
import io.backforge.templates.enrich.EnrichmentAnswer.SampleValue;
import io.backforge.templates.enrich.EnrichmentValidator.Checked;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichmentValidatorTests {

  private final ProjectSpec library = spec("library.json");
  private final EnrichmentValidator validator = new EnrichmentValidator();

  @Test
  void aGoodAnswerIsKeptWhole() {
    Checked checked = validator.validate(library, good());

    assertThat(checked.warnings()).isEmpty();
    Enrichment enrichment = checked.enrichment();
    assertThat(enrichment.overview()).containsExactly("A small library.", "Loans are tracked.");
    Enrichment.EntityNotes book = enrichment.entity("Book").orElseThrow();
    assertThat(book.description()).isEqualTo("A book on the shelves.");
    assertThat(book.fields()).containsExactly(Map.entry("title", "The title on the cover."));
    assertThat(book.samples()).hasSize(2);
    assertThat(book.samples().get(0).values())
        .containsExactly(
            Map.entry("title", "Dune"),
            Map.entry("isbn", "978-0441013593"),
            Map.entry("price", "9.99"),
            Map.entry("published", "true"));
    assertThat(book.samples().get(1).references()).containsExactly(Map.entry("author", 1));
  }

  @Test
  void rowsThatBreakAConstraintAreDroppedWithAWarning() {
    Entity book =
        new Entity(
            "Book",
            null,
            List.of(),
            List.of(
                row("title", "Ok", "isbn", "not-an-isbn!", "author", "0"),
                row("title", "x".repeat(201), "author", "0"),
                row("title", "Cheap", "price", "-1", "author", "0"),
                row("title", "Fine", "isbn", "1234567890", "author", "0"),
                row("title", "Twin", "isbn", "1234567890", "author", "0"),
                row("title", "Orphan", "author", "7"),
                row("title", "Nobody"),
                row("title", "Extra", "colour", "red", "author", "0")));

    Checked checked =
        validator.validate(library, new EnrichmentAnswer(null, List.of(authors(), book)));

    assertThat(checked.enrichment().entity("Book").orElseThrow().samples())
        .extracting(r -> r.values().get("title"))
        .containsExactly("Fine");
    assertThat(checked.warnings())
        .hasSize(7)
        .allMatch(w -> w.startsWith("AI enrichment: dropped sample row"))
        .anyMatch(w -> w.contains("isbn 'not-an-isbn!' breaks"))
        .anyMatch(w -> w.contains("repeats an earlier row"))
        .anyMatch(w -> w.contains("unknown field 'colour'"))
        .anyMatch(w -> w.contains("the required author is missing"));
  }

  @Test
  void referencesFollowTheRowsThatWereKept() {
    Entity authors =
        new Entity(
            "Author",
            null,
            List.of(),
            List.of(row("name", "n".repeat(121)), row("name", "Le Guin"), row("name", "Herbert")));
    Entity books =
        new Entity("Book", null, List.of(), List.of(row("title", "Dune", "author", "2")));

    Checked checked =
        validator.validate(library, new EnrichmentAnswer(null, List.of(authors, books)));

    assertThat(checked.enrichment().entity("Book").orElseThrow().samples().get(0).references())
        .containsExactly(Map.entry("author", 1));
  }

  @Test
  void textThatLooksLikeCodeOrIsTooLongIsDropped() {
    Entity book =
        new Entity(
            "Book",
            "<script>alert(1)</script>",
            List.of(
                new Field("title", "\"\"\"; import os; os.system('x') #{x}"),
                new Field("isbn", "y".repeat(201)),
                new Field("price", "Price in euros."),
                new Field("secret", "Unknown.")),
            List.of());

    Checked checked =
        validator.validate(
            library, new EnrichmentAnswer("See https://evil.example", List.of(book)));

    Enrichment.EntityNotes notes = checked.enrichment().entity("Book").orElseThrow();
    assertThat(notes.description()).isNull();
    assertThat(notes.fields()).containsExactly(Map.entry("price", "Price in euros."));
    assertThat(checked.enrichment().overview()).isEmpty();
    assertThat(checked.warnings()).hasSize(5);
  }

  @Test
  void unknownEntitiesAreIgnored() {
    Checked checked =
        validator.validate(
            library,
            new EnrichmentAnswer(null, List.of(new Entity("Dragon", "Fire.", null, null))));

    assertThat(checked.enrichment().entities()).isEmpty();
    assertThat(checked.warnings())
        .containsExactly("AI enrichment: ignored notes on the unknown entity 'Dragon'");
  }

  @Test
  void valuesAreStoredInCanonicalForm() {
    Entity authors =
        new Entity("Author", null, List.of(), List.of(row("name", "Ann", "born", " 1920-01-02 ")));

    Checked checked = validator.validate(library, new EnrichmentAnswer(null, List.of(authors)));

    assertThat(checked.enrichment().entity("Author").orElseThrow().samples().get(0).values())
        .containsEntry("born", "1920-01-02");
  }

  @Test
  void theStoredFormReadsBackEqual() {
    Checked checked = validator.validate(library, good());
    EnrichmentJson.Stored stored = new EnrichmentJson.Stored(checked.enrichment(), List.of("w"));

    byte[] json = EnrichmentJson.write(stored);

    assertThat(EnrichmentJson.read(json)).isEqualTo(stored);
    assertThat(EnrichmentJson.write(EnrichmentJson.read(json))).isEqualTo(json);
  }

  static EnrichmentAnswer good() {
    return new EnrichmentAnswer(
        "A small library.\n\nLoans are tracked.",
        List.of(
            authors(),
            new Entity(
                "Book",
                "A book on the shelves.",
                List.of(new Field("title", "The title on the cover.")),
                List.of(
                    row(
                        "title",
                        "Dune",
                        "isbn",
                        "978-0441013593",
                        "price",
                        "9.99",
                        "published",
                        "true",
                        "author",
                        "0"),
                    row("title", "Earthsea", "author", "1")))));
  }

  private static Entity authors() {
    return new Entity(
        "Author",
        "Someone who writes books.",
        List.of(),
        List.of(row("name", "Frank Herbert"), row("name", "Ursula K. Le Guin")));
  }

  private static SampleRow row(String... pairs) {
    List<SampleValue> values =
        java.util.stream.IntStream.range(0, pairs.length / 2)
            .mapToObj(i -> new SampleValue(pairs[2 * i], pairs[2 * i + 1]))
            .toList();
    return new SampleRow(values);
  }

  static ProjectSpec spec(String name) {
    try (InputStream in = EnrichmentValidatorTests.class.getResourceAsStream("/specs/" + name)) {
      ValidationResult result = new SpecValidator().validate(in.readAllBytes());
      return result.spec();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
