package io.backforge.templates.flask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.generate.ProjectZipper;
import io.backforge.templates.spec.SpecError;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Text crafted to escape (path traversal, NUL, Mustache markers, quote and comment terminators of
 * Python, SQL, YAML and Markdown, very long unicode) put in every free-text field and every name of
 * a spec: the validator rejects it at that place, or the project generates, its zip holds only
 * normalised relative files under one root, and its Python compiles.
 */
class HostileTextTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ProjectGenerator GENERATOR = new ProjectGenerator();
  private static final SpecValidator VALIDATOR = new SpecValidator();

  private static final List<String> MARKERS =
      List.of(
          "../",
          "..\\",
          "/etc/passwd",
          "C:\\Windows",
          "\u0000",
          "{{",
          "}}",
          "{{#x}}",
          "{{/x}}",
          "{{{x}}}",
          "{{! c }}",
          "{{=<% %>=}}",
          "{{> p}}",
          "\"\"\"",
          "'''",
          "\"",
          "'",
          "*/",
          "/*",
          "#",
          "--",
          ";",
          "\\",
          "\\n",
          "\n",
          "\r\n",
          "\r",
          "\t",
          "\u000b",
          "\f",
          "\u2028",
          "\u2029",
          "\u0085",
          "${HOME}",
          "$(id)",
          "`id`",
          "%s",
          "%(x)s",
          "{0}",
          "f\"{x}\"",
          "__import__('os')",
          "<!--",
          "-->",
          "]]>",
          "<script>",
          "\uFEFF",
          "\u202E",
          "\uD83D\uDE00",
          "\u0301",
          "ﬃ",
          "İ",
          ": x",
          "- y",
          "&a *a",
          "!!python/object",
          "\\x00",
          "\\u0000",
          "\\N{DASH}");

  /** Where hostile text goes in nasty.json, and whether it is a name or free text. */
  enum Target {
    PROJECT_NAME("/name", true),
    PROJECT_DESCRIPTION("/description", false),
    ENTITY_NAME("/entities/1/name", true),
    ENTITY_DESCRIPTION("/entities/0/description", false),
    FIELD_NAME("/entities/0/fields/2/name", true),
    FIELD_DESCRIPTION("/entities/0/fields/0/description", false),
    ENUM_VALUE("/entities/0/fields/1/values/0", false),
    ANOTHER_ENUM_VALUE("/entities/0/fields/1/values/6", false),
    PATTERN("/entities/0/fields/0/pattern", false),
    RELATION_NAME("/entities/0/relations/1/name", true),
    AI_INSTRUCTIONS("/ai/instructions", false);

    final String pointer;
    final boolean name;

    Target(String pointer, boolean name) {
      this.pointer = pointer;
      this.name = name;
    }
  }

  /** A spec with hostile text at one place. */
  record Hostile(Target target, String text, byte[] json) {
    @Override
    public String toString() {
      return target
          + " = "
          + text.codePoints()
              .limit(200)
              .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }
  }

  @Property(tries = 300)
  void hostileTextIsRejectedWhereItIsOrGivesAZipOfRelativeFilesUnderOneRoot(
      @ForAll("hostileSpecs") Hostile hostile) {
    ValidationResult result = VALIDATOR.validate(hostile.json());
    Statistics.collect(
        hostile.target().name ? "name" : "text", result.valid() ? "generated" : "rejected");
    if (!result.valid()) {
      if (!hostile.target().name) {
        String parent = JsonPointer.compile(hostile.target().pointer).head().toString();
        assertThat(result.errors())
            .extracting(SpecError::pointer)
            .allMatch(p -> p.startsWith(parent), "problems only under " + parent);
      }
      return;
    }
    GeneratedProject project = GENERATOR.generate(result.spec());
    byte[] zip = ProjectZipper.zip(project);

    List<ZipRecord> entries = centralDirectory(zip);
    assertThat(entries).hasSize(project.files().size());
    Set<String> names = new HashSet<>();
    Path root = Path.of("/unzip-here");
    for (ZipRecord entry : entries) {
      assertThat(names.add(entry.name())).as("unique %s", entry.name()).isTrue();
      assertThat(entry.name())
          .startsWith(project.rootFolder() + "/")
          .doesNotContain("\\", "\u0000", "//", "/./", "/../")
          .doesNotStartWith("/")
          .doesNotEndWith("/")
          .matches("[A-Za-z0-9._/-]+");
      Path target = root.resolve(entry.name()).normalize();
      assertThat(target.startsWith(root.resolve(project.rootFolder()))).as(entry.name()).isTrue();
      assertThat(root.relativize(target).toString()).isEqualTo(entry.name());
      int unixType = (entry.externalAttributes() >>> 16) & 0xF000;
      assertThat(unixType).as("no link or directory: %s", entry.name()).isIn(0, 0x8000);
    }
    project.files().keySet().stream()
        .filter(path -> path.endsWith(".py"))
        .forEach(path -> assertThat(project.text(path).chars()).as(path).allMatch(c -> c < 0x80));
    project.files().keySet().stream()
        .filter(path -> path.endsWith(".json"))
        .forEach(path -> assertThat(parses(project.files().get(path))).as(path).isTrue());
  }

  @Example
  void generatedPythonOfManyHostileSpecsCompiles() throws IOException {
    Path dir = Files.createTempDirectory("hostile");
    List<Hostile> compiled = new ArrayList<>();
    hostileSpecs()
        .sampleStream()
        .limit(100)
        .forEach(
            hostile -> {
              ValidationResult result = VALIDATOR.validate(hostile.json());
              if (result.valid()) {
                Path project = dir.resolve("p" + compiled.size());
                PythonRunner.write(GENERATOR.generate(result.spec()), project);
                compiled.add(hostile);
              }
            });

    PythonRunner.Result result =
        PythonRunner.run(
            dir,
            300,
            "-c",
            "import compileall, sys; sys.exit(0 if compileall.compile_dir('.', quiet=1) else 1)");

    assertThat(compiled).hasSizeGreaterThan(30);
    assertThat(result.exitCode()).as(result.output()).isZero();
    PythonRunner.command(dir, 30, "rm", "-rf", dir.toString());
  }

  /**
   * Names that look harmless to a validator and are not: device names of Windows, names the
   * generated code or Python already uses, SQL keywords, case twins of other names, the longest.
   */
  private static final List<String> PLAUSIBLE_NAMES =
      List.of(
          "con",
          "Con",
          "nul",
          "Nul",
          "aux",
          "prn",
          "com1",
          "Lpt1",
          "self",
          "Self",
          "None",
          "none",
          "True",
          "id",
          "Id",
          "select",
          "Select",
          "drop",
          "Table",
          "order",
          "Order",
          "user",
          "User",
          "init",
          "setup",
          "test",
          "tests",
          "Test",
          "app",
          "App",
          "main",
          "config",
          "Config",
          "models",
          "schemas",
          "routes",
          "migrations",
          "Migrations",
          "Gadget",
          "gadget",
          "Part",
          "part",
          "parts",
          "fields",
          "Fields",
          "metadata",
          "query",
          "session",
          "db",
          "Db",
          "my-api",
          "a-b-c",
          "x".repeat(64),
          "X".repeat(63) + "y",
          "A".repeat(100));

  @Provide
  Arbitrary<Hostile> hostileSpecs() {
    Arbitrary<Hostile> anywhere =
        Combinators.combine(Arbitraries.of(Target.class), hostileText())
            .as((target, text) -> new Hostile(target, text, nastyWith(target, text)));
    Arbitrary<Hostile> plausibleNames =
        Combinators.combine(
                Arbitraries.of(Target.class).filter(target -> target.name),
                Arbitraries.of(PLAUSIBLE_NAMES))
            .as((target, text) -> new Hostile(target, text, nastyWith(target, text)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, anywhere), net.jqwik.api.Tuple.of(1, plausibleNames));
  }

  static Arbitrary<String> hostileText() {
    Arbitrary<String> filler =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().ofMaxLength(8),
            Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').ofMaxLength(6));
    Arbitrary<String> crafted =
        Combinators.combine(
                filler, Arbitraries.of(MARKERS).list().ofMinSize(1).ofMaxSize(4), filler)
            .as((before, markers, after) -> before + String.join("x", markers) + after);
    Arbitrary<String> longUnicode =
        Combinators.combine(
                Arbitraries.of(MARKERS),
                Arbitraries.strings()
                    .withCharRange('\u0100', '\ud7ff')
                    .ofMinLength(50)
                    .ofMaxLength(1100))
            .as((marker, text) -> marker + text + marker);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, crafted),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(MARKERS)),
        net.jqwik.api.Tuple.of(1, longUnicode));
  }

  private static byte[] nastyWith(Target target, String text) {
    try (InputStream in = HostileTextTests.class.getResourceAsStream("/specs/nasty.json")) {
      ObjectNode spec = (ObjectNode) MAPPER.readTree(in);
      ((ObjectNode) spec.get("ai")).put("instructions", "be nice");
      JsonPointer at = JsonPointer.compile(target.pointer);
      JsonNode parent = spec.at(at.head());
      String last = at.last().getMatchingProperty();
      if (parent instanceof ArrayNode array) {
        array.set(Integer.parseInt(last), MAPPER.getNodeFactory().textNode(text));
      } else {
        ((ObjectNode) parent).put(last, text);
      }
      return MAPPER.writeValueAsBytes(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean parses(byte[] json) {
    try {
      MAPPER.readTree(json);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** One central-directory record: the stored name and the external (Unix mode) attributes. */
  record ZipRecord(String name, int externalAttributes) {}

  /** Reads the zip's central directory by hand, as an unzip tool would see it. */
  static List<ZipRecord> centralDirectory(byte[] zip) {
    ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int end = zip.length - 22;
    while (buffer.getInt(end) != 0x06054b50) {
      end--;
    }
    int count = Short.toUnsignedInt(buffer.getShort(end + 10));
    int at = buffer.getInt(end + 16);
    List<ZipRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      assertThat(buffer.getInt(at)).isEqualTo(0x02014b50);
      int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(buffer.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(buffer.getShort(at + 32));
      int external = buffer.getInt(at + 38);
      String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
      records.add(new ZipRecord(name, external));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return records;
  }
}
