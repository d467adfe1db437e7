package io.backforge.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backforge.activities.generation.GenerationActivitiesImpl;
import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.Manifest;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.activities.verification.Toolchain;
import io.backforge.activities.verification.VerificationActivitiesImpl;
import io.backforge.templates.spec.Stack;
import io.backforge.workflows.GenerationActivities;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationActivities;
import io.backforge.workflows.VerificationState;
import io.backforge.workflows.payload.ProjectRef;
import io.backforge.workflows.payload.ScaffoldInput;
import io.backforge.workflows.payload.ScaffoldResult;
import io.backforge.workflows.payload.VerificationInput;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The live contract check at the end of verification: the generated app, started in the sandbox,
 * against its own OpenAPI document. Prints what the check cost (not asserted).
 */
@SpringBootTest(classes = ActivitiesTestApplication.class)
class ContractCheckIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CHECKED = Pattern.compile("(\\d+) responses checked");
  private static final Pattern COST = Pattern.compile("contract check: .* \\((\\d+) ms\\)");

  @Autowired GenerationActivitiesImpl generation;
  @Autowired VerificationActivitiesImpl verification;
  @Autowired ProjectStore projects;
  @Autowired BlobStore blobs;
  @Autowired Toolchain toolchain;

  TestActivityEnvironment env;
  GenerationActivities steps;
  VerificationActivities verifier;

  @BeforeEach
  void environment() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(generation, verification);
    steps = env.newActivityStub(GenerationActivities.class);
    verifier = env.newActivityStub(VerificationActivities.class);
  }

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void theLibraryAppAnswersEveryDocumentedOperationAsItsDocumentSays() {
    Scaffolded files = scaffold(Stack.FLASK);

    Verification result = verify(files.projectId(), files.manifestHash());

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.PASSED);
    assertThat(result.reason())
        .contains("tests passed; Black and pyflakes clean; ")
        .contains(" responses checked against the OpenAPI document, 0 violations")
        .doesNotContain("not exercised");
    assertThat(checked(result.reason())).isGreaterThan(25);
    assertThat(result.logTail())
        .containsPattern("every documented operation exercised \\((\\d+) of \\1\\)");
    report("Flask", result);
  }

  @Test
  void aDocumentThatDisagreesWithTheAppFailsVerificationNamingOperationAndStatus() {
    Scaffolded files = scaffold(Stack.FLASK);

    Verification result = verify(files.projectId(), plantWrongDocument(files, "app/openapi.json"));

    assertThatTheWrongDocumentFailedTheStep(result);
  }

  @Test
  void aSpringBootAppIsCheckedAgainstTheDocumentItShipsFailingOnWhatDisagrees() {
    Scaffolded files = scaffold(Stack.SPRING_BOOT);

    Verification result =
        verify(files.projectId(), plantWrongDocument(files, "src/main/resources/openapi.json"));

    assertThatTheWrongDocumentFailedTheStep(result);
    report("Spring Boot", result);
  }

  /**
   * The project's own document with two lies the project's own tests cannot see (they compare the
   * served document with the shipped one and its operations with the app's routes): authors' names
   * declared as integers, and no 404 declared for reading a book.
   */
  private String plantWrongDocument(Scaffolded files, String path) {
    return withFile(
        files.manifestHash(),
        path,
        document -> {
          ObjectNode paths = (ObjectNode) document.get("paths");
          ((ObjectNode) paths.get("/api/books/{id}").get("get").get("responses")).remove("404");
          ObjectNode name =
              (ObjectNode) document.at("/components/schemas/Author/properties").get("name");
          name.put("type", "integer");
          return document;
        });
  }

  private static void assertThatTheWrongDocumentFailedTheStep(Verification result) {
    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.FAILED);
    assertThat(result.testsFailed()).as(result.logTail()).isZero();
    assertThat(result.reason())
        .contains("responses checked against the OpenAPI document, ")
        .containsPattern("\\d+ violations: POST /api/authors \\(createAuthor\\) answered 201: ")
        .contains("validation.response.body.schema.type")
        .containsPattern("and \\d+ more");
    assertThat(result.logTail())
        .contains(
            "GET /api/books/{id} (getBook) answered 404: [validation.response.status.unknown]");
  }

  @Test
  void aSpringBootAppAnswersEveryOperationAsTheDocumentItShipsSays() {
    Scaffolded files = scaffold(Stack.SPRING_BOOT);

    Verification result = verify(files.projectId(), files.manifestHash());

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.PASSED);
    assertThat(result.reason())
        .contains("tests passed; compiled without warnings; ")
        .endsWith(" responses checked against the OpenAPI document, 0 violations");
    assertThat(checked(result.reason())).isGreaterThan(20);
    assertThat(result.logTail()).containsPattern("every documented operation exercised");
    report("Spring Boot", result);
  }

  private Verification verify(String projectId, String manifestHash) {
    return verifier.verify(new VerificationInput(projectId, manifestHash)).verification();
  }

  private static int checked(String reason) {
    Matcher matcher = CHECKED.matcher(reason);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  private static void report(String stack, Verification result) {
    Matcher matcher = COST.matcher(result.logTail());
    String cost = matcher.find() ? matcher.group(1) + " ms" : "unknown";
    String phases =
        String.join(
            "; ",
            result
                .logTail()
                .lines()
                .filter(l -> l.startsWith("the app accepted") || l.startsWith("the exchanges"))
                .toList());
    System.out.printf(
        "%s library.json: verification %d ms, of which the contract check %s (%s): %s%n",
        stack, result.durationMillis(), cost, phases, result.reason());
  }

  private String withFile(String manifestHash, String path, UnaryOperator<ObjectNode> change) {
    Manifest manifest = Manifest.parse(blobs.get(manifestHash).orElseThrow());
    try {
      ObjectNode document =
          (ObjectNode) JSON.readTree(blobs.get(manifest.files().get(path)).orElseThrow());
      return withNewFile(manifestHash, path, change.apply(document));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String withNewFile(String manifestHash, String path, ObjectNode json) {
    Manifest manifest = Manifest.parse(blobs.get(manifestHash).orElseThrow());
    TreeMap<String, String> changed = new TreeMap<>(manifest.files());
    try {
      changed.put(path, blobs.put(JSON.writeValueAsBytes(json)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return blobs.put(new Manifest(manifest.rootFolder(), changed).toBytes());
  }

  /** A scaffolded project: its id and manifest. */
  record Scaffolded(String projectId, String manifestHash) {}

  /** The sample library spec for {@code stack}, scaffolded; skips without its toolchain. */
  private Scaffolded scaffold(Stack stack) {
    Assumptions.assumeTrue(toolchain.available(stack), () -> toolchain.missing(stack));
    String json =
        read("library.json").replace("\"stack\": \"flask\"", "\"stack\": \"" + stack.json() + "\"");
    ProjectRecord project =
        projects.create(UUID.randomUUID(), "tester", "library-service", stack.json(), json);
    String id = project.id().toString();
    ScaffoldResult result =
        steps.scaffold(new ScaffoldInput(id, steps.createFeatures(new ProjectRef(id))));
    return new Scaffolded(id, result.manifestHash());
  }

  private static String read(String name) {
    try (InputStream in =
        ContractCheckIntegrationTests.class.getResourceAsStream("/specs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
