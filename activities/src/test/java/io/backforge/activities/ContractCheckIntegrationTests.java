package io.backforge.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backforge.activities.store.Manifest;
import io.backforge.templates.flask.FlaskPack;
import io.backforge.templates.spec.Stack;
import io.backforge.templates.springboot.SpringBootPack;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationState;
import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live contract check at the end of verification: the generated app, started in the sandbox,
 * against its own OpenAPI document. Prints what the check cost (not asserted).
 */
class ContractCheckIntegrationTests extends VerifyingIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CHECKED = Pattern.compile("(\\d+) responses checked");
  private static final Pattern COST = Pattern.compile("contract check: .* \\((\\d+) ms\\)");

  @Test
  void theLibraryAppAnswersEveryDocumentedOperationAsItsDocumentSays() {
    Scaffolded files = scaffold(FlaskPack.STACK);

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

  /**
   * The clinic example (one-to-one, cascade, set-null and restrict deletes, unique groups,
   * defaults) verifies in each stack: its own suite, lint, and every documented operation live.
   */
  @ParameterizedTest
  @ValueSource(strings = {"flask", "spring-boot"})
  void theClinicWithEveryModelRuleVerifiesInEachStack(String stack) {
    Scaffolded files = scaffold("clinic.json", Stack.fromJson(stack));

    Verification result = verify(files.projectId(), files.manifestHash());

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.PASSED);
    assertThat(result.reason())
        .contains(" responses checked against the OpenAPI document, 0 violations");
    report(stack + " clinic", result);
  }

  @Test
  void aDocumentThatDisagreesWithTheAppFailsVerificationNamingOperationAndStatus() {
    Scaffolded files = scaffold(FlaskPack.STACK);

    Verification result = verify(files.projectId(), plantWrongDocument(files, "app/openapi.json"));

    assertThatTheWrongDocumentFailedTheStep(result);
  }

  @Test
  void aSpringBootAppIsCheckedAgainstTheDocumentItShipsFailingOnWhatDisagrees() {
    Scaffolded files = scaffold(SpringBootPack.STACK);

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
    Scaffolded files = scaffold(SpringBootPack.STACK);

    Verification result = verify(files.projectId(), files.manifestHash());

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.PASSED);
    assertThat(result.reason())
        .contains("tests passed; compiled without warnings; ")
        .endsWith(" responses checked against the OpenAPI document, 0 violations");
    assertThat(checked(result.reason())).isGreaterThan(20);
    assertThat(result.logTail()).containsPattern("every documented operation exercised");
    report("Spring Boot", result);
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
    try {
      return withFiles(manifestHash, Map.of(path, JSON.writeValueAsBytes(json)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sample library spec for {@code stack}, scaffolded; skips without its toolchain. */
  private Scaffolded scaffold(Stack stack) {
    return scaffold("library.json", stack);
  }
}
