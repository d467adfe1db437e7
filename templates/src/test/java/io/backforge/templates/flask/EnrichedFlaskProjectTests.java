package io.backforge.templates.flask;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.enrich.Enrichment;
import io.backforge.templates.enrich.EnrichmentAnswer;
import io.backforge.templates.enrich.EnrichmentValidator;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.sample.SampleValues;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnrichedFlaskProjectTests {

  private final FlaskGenerator generator = new FlaskGenerator();

  @ParameterizedTest
  @ValueSource(strings = {"library.json", "blog.json", "shop.json", "nasty.json"})
  void withoutEnrichmentTheFilesAreByteForByteTheSame(String name) {
    ProjectSpec spec = PythonRunner.spec(name);

    GeneratedProject plain = generator.generate(spec);
    GeneratedProject empty = generator.generate(spec, Enrichment.empty());
    GeneratedProject none = new ProjectGenerator().generate(spec, null);

    assertThat(empty.files().keySet()).isEqualTo(plain.files().keySet());
    plain
        .files()
        .forEach((path, bytes) -> assertThat(empty.files().get(path)).as(path).isEqualTo(bytes));
    none.files()
        .forEach((path, bytes) -> assertThat(plain.files().get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void anEnrichedLibraryRendersTheTextAsDataAndPassesItsOwnTests(@TempDir Path dir) {
    ProjectSpec spec = PythonRunner.spec("library.json");
    EnrichmentAnswer answer =
        new EnrichmentAnswer(
            "Readers borrow books.\n\nQuotes \"like these\" and 'these' stay text; so does # and *.",
            List.of(
                new EnrichmentAnswer.Entity(
                    "Author",
                    "A person who \"writes\" books.",
                    List.of(new EnrichmentAnswer.Field("name", "Full name, as on the cover.")),
                    List.of(
                        row("name", "Astrid \"Pippi\" Lindgren", "born", "1907-11-14"),
                        row("name", "Tove Jansson's estate"))),
                new EnrichmentAnswer.Entity(
                    "Book",
                    "A title the library holds.",
                    List.of(new EnrichmentAnswer.Field("isbn", "ISBN-10 or ISBN-13.")),
                    List.of(
                        row(
                            "title",
                            "Pippi Longstocking",
                            "isbn",
                            "978-0670557455",
                            "price",
                            "12.50",
                            "published",
                            "true",
                            "author",
                            "0"),
                        row("title", "Comet in Moominland", "price", "0", "author", "1")))));
    EnrichmentValidator.Checked checked = new EnrichmentValidator().validate(spec, answer);
    assertThat(checked.warnings()).isEmpty();

    GeneratedProject project = generator.generate(spec, checked.enrichment());

    assertThat(project.text("README.md"))
        .contains("## Overview\n\nReaders borrow books\\.\n\nQuotes \\\"like these\\\"")
        .contains("A person who \\\"writes\\\" books\\.")
        .contains("ISBN\\-10 or ISBN\\-13\\.")
        .contains("## Sample data");
    assertThat(project.text("app/models.py"))
        .contains("\"\"\"A person who \\\"writes\\\" books. (table authors).\"\"\"");
    assertThat(project.text("app/openapi.json"))
        .contains("\"description\" : \"Full name, as on the cover.\"");
    assertThat(project.text("app/seed.py")).contains("'Astrid \"Pippi\" Lindgren'");
    assertThat(project.text("backforge.json"))
        .isEqualTo(generator.generate(spec).text("backforge.json"));
    assertPasses(project, dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"blog.json", "shop.json", "nasty.json"})
  void sampleRowsOfEveryFieldTypeSeedAndPassTheProjectsOwnTests(String name, @TempDir Path dir) {
    ProjectSpec spec = PythonRunner.spec(name);
    EnrichmentValidator.Checked checked =
        new EnrichmentValidator().validate(spec, samplesFor(spec));

    GeneratedProject project = generator.generate(spec, checked.enrichment());

    assertThat(project.files()).containsKeys("app/seed.py", "tests/test_seed.py");
    assertPasses(project, dir);
  }

  private static EnrichmentAnswer samplesFor(ProjectSpec spec) {
    List<EnrichmentAnswer.Entity> entities = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      List<EnrichmentAnswer.SampleRow> rows = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        List<EnrichmentAnswer.SampleValue> values = new ArrayList<>();
        for (FieldSpec field : entity.fields()) {
          List<Object> valid = SampleValues.valid(field, 3, 42);
          if (valid.size() == 3) {
            values.add(
                new EnrichmentAnswer.SampleValue(field.name().value(), valid.get(i).toString()));
          }
        }
        for (RelationSpec relation : entity.relations()) {
          boolean self = relation.target().equals(entity.name());
          if (relation.kind() == RelationKind.MANY_TO_ONE && (!self || i > 0)) {
            values.add(new EnrichmentAnswer.SampleValue(relation.name().value(), "0"));
          }
        }
        rows.add(new EnrichmentAnswer.SampleRow(values));
      }
      entities.add(new EnrichmentAnswer.Entity(entity.name().value(), null, List.of(), rows));
    }
    return new EnrichmentAnswer(null, entities);
  }

  private static EnrichmentAnswer.SampleRow row(String... pairs) {
    List<EnrichmentAnswer.SampleValue> values = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.add(new EnrichmentAnswer.SampleValue(pairs[i], pairs[i + 1]));
    }
    return new EnrichmentAnswer.SampleRow(values);
  }

  private static void assertPasses(GeneratedProject project, Path dir) {
    PythonRunner.write(project, dir);

    PythonRunner.Result black =
        PythonRunner.command(dir, 120, "black", "--check", "--diff", "--quiet", ".");
    PythonRunner.Result pyflakes = PythonRunner.command(dir, 120, "pyflakes3", ".");
    PythonRunner.Result result = PythonRunner.pytest(dir);

    assertThat(black.exitCode()).as("black --check: " + black.output()).isZero();
    assertThat(pyflakes.exitCode()).as("pyflakes3: " + pyflakes.output()).isZero();
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .containsPattern("\\d+ passed")
        .doesNotContainPattern("\\d+ (failed|errors?)\\b");
  }
}
