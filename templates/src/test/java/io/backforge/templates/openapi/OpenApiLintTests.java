package io.backforge.templates.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.pack.StackPacks;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every spec under {@code specs/}, with the OpenAPI feature on, generated for every stack: Redocly
 * CLI's {@code recommended} ruleset finds no error and no warning in its document, except {@code
 * info-license} (a generated project's license is its owner's choice, so none is declared).
 *
 * <p>Redocly is looked up in the system property {@code redocly}, the environment variable {@code
 * REDOCLY}, then where {@code .ci/run} installs it ({@code
 * ~/.cache/backforge/redocly-<version>/node_modules/.bin/redocly}); without it or without Node the
 * tests are skipped with a note. All documents are linted by one Redocly run.
 */
class OpenApiLintTests {

  /** The Redocly CLI version {@code .ci/run} installs. */
  static final String REDOCLY_VERSION = "2.77.0";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STACKS =
      StackPacks.all().stream().map(pack -> pack.stack().json()).toList();
  private static final List<String> ALLOWED_WARNINGS = List.of("info-license");

  @TempDir static Path root;

  private static final Map<String, Path> documents = new LinkedHashMap<>();
  private static final Map<String, List<JsonNode>> problems = new LinkedHashMap<>();
  private static String skipped;

  @BeforeAll
  static void generateEveryDocumentAndLintThemOnce() throws Exception {
    for (Path spec : specs()) {
      for (String stack : STACKS) {
        String name = spec.getFileName().toString().replace(".json", "") + " (" + stack + ")";
        GeneratedProject project = generate(spec, stack);
        if (project == null) {
          continue;
        }
        String path =
            project.files().keySet().stream()
                .filter(p -> p.endsWith("openapi.json"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " ships no openapi.json"));
        Path file = root.resolve(stack).resolve(name.replaceAll("[^a-z-]", "_") + ".json");
        Files.createDirectories(file.getParent());
        Files.write(file, project.files().get(path));
        documents.put(name, file);
      }
    }
    Path redocly = redocly();
    if (redocly == null) {
      skipped =
          "Redocly CLI not found: set -Dredocly=<path to node_modules/.bin/redocly> or REDOCLY, or"
              + " run .ci/run, which installs @redocly/cli@"
              + REDOCLY_VERSION;
      System.out.println("OpenApiLintTests skipped: " + skipped);
      return;
    }
    List<String> command = new ArrayList<>(List.of(redocly.toString(), "lint"));
    command.addAll(List.of("--extends", "recommended", "--format", "json"));
    documents.values().forEach(file -> command.add(file.toString()));
    Path out = root.resolve("lint.json");
    Process lint =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(root.resolve("lint.log").toFile())
            .start();
    if (!lint.waitFor(5, TimeUnit.MINUTES)) {
      lint.destroyForcibly();
      throw new AssertionError("redocly lint did not finish in 5 minutes");
    }
    List<JsonNode> reports = new ArrayList<>();
    try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(out.toFile())) {
      it.forEachRemaining(reports::add);
    }
    assertThat(reports)
        .as("one report per document; redocly said:\n" + Files.readString(root.resolve("lint.log")))
        .hasSize(documents.size());
    Map<Path, String> names = new LinkedHashMap<>();
    documents.forEach((name, file) -> names.put(file.toAbsolutePath().normalize(), name));
    names.values().forEach(name -> problems.put(name, new ArrayList<>()));
    for (JsonNode report : reports) {
      for (JsonNode problem : report.path("problems")) {
        String ref = problem.path("location").path(0).path("source").path("ref").asText();
        String name = names.get(Path.of(ref).toAbsolutePath().normalize());
        assertThat(name).as("a problem in an unknown file: " + problem).isNotNull();
        problems.get(name).add(problem);
      }
    }
  }

  @Test
  void everyPackIsLintedOnEverySampleSpec() {
    for (String stack : STACKS) {
      for (String sample : List.of("library", "shop", "blog")) {
        assertThat(documents).containsKey(sample + " (" + stack + ")");
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentIsLintCleanUnderTheRecommendedRules() {
    return documents.keySet().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      assumeTrue(skipped == null, skipped);
                      List<String> unexpected = new ArrayList<>();
                      for (JsonNode problem : problems.get(name)) {
                        String rule = problem.path("ruleId").asText();
                        boolean allowed =
                            problem.path("severity").asText().equals("warn")
                                && ALLOWED_WARNINGS.contains(rule);
                        if (!allowed) {
                          unexpected.add(
                              problem.path("severity").asText()
                                  + " "
                                  + rule
                                  + " at "
                                  + problem.path("location").path(0).path("pointer").asText()
                                  + ": "
                                  + problem.path("message").asText());
                        }
                      }
                      assertThat(unexpected).as(documents.get(name).toString()).isEmpty();
                    }));
  }

  private static GeneratedProject generate(Path file, String stack) throws IOException {
    ObjectNode spec = (ObjectNode) JSON.readTree(file.toFile());
    spec.put("stack", stack);
    ((ObjectNode) spec.path("features")).put("openapi", true);
    ValidationResult result = new SpecValidator().validate(JSON.writeValueAsBytes(spec));
    if (!result.errors().isEmpty()
        && result.errors().stream()
            .allMatch(e -> e.message().startsWith("the " + stack + " stack does not support "))) {
      // a part of the model this stack's pack does not render yet: the pack lints what it accepts
      return null;
    }
    assertThat(result.errors()).as(file.toString()).isEmpty();
    return new ProjectGenerator().generate(result.spec());
  }

  private static List<Path> specs() throws IOException, URISyntaxException {
    Path folder = Path.of(OpenApiLintTests.class.getResource("/specs").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** The Redocly CLI to run, or {@code null} when it or Node is not installed. */
  private static Path redocly() {
    if (!onPath("node")) {
      return null;
    }
    List<String> candidates = new ArrayList<>();
    candidates.add(System.getProperty("redocly"));
    candidates.add(System.getenv("REDOCLY"));
    candidates.add(
        System.getProperty("user.home")
            + "/.cache/backforge/redocly-"
            + REDOCLY_VERSION
            + "/node_modules/.bin/redocly");
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
