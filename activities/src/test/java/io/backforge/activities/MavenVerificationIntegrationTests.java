package io.backforge.activities;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The verify step for Spring Boot projects: the generated project's own Maven build and tests,
 * offline in the sandbox against the warmed repository.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class)
class MavenVerificationIntegrationTests {

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
    Assumptions.assumeTrue(
        toolchain.available(Stack.SPRING_BOOT), () -> toolchain.missing(Stack.SPRING_BOOT));
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
  void aGeneratedSpringBootProjectBuildsAndPassesItsOwnTestsOffline() {
    Scaffolded files = scaffold();

    Verification result =
        verifier
            .verify(new VerificationInput(files.projectId(), files.manifestHash()))
            .verification();

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.PASSED);
    assertThat(result.testsPassed()).isGreaterThan(10);
    assertThat(result.testsFailed()).isZero();
    assertThat(result.lintFindings()).isZero();
    assertThat(result.reason()).contains("tests passed").contains("without warnings");
  }

  @Test
  void aFailingTestAWarningAndNoNetworkShowInTheResult() {
    Scaffolded files = scaffold();
    Manifest manifest = Manifest.parse(blobs.get(files.manifestHash()).orElseThrow());
    String testFile =
        manifest.files().keySet().stream()
            .filter(p -> p.startsWith("src/test/java/") && p.endsWith(".java"))
            .findFirst()
            .orElseThrow();
    String dir = testFile.substring(0, testFile.lastIndexOf('/'));
    String pkg = dir.substring("src/test/java/".length()).replace('/', '.');
    TreeMap<String, String> changed = new TreeMap<>(manifest.files());
    changed.put(
        dir + "/SandboxProbeTests.java",
        blobs.put(
            text(
                "package " + pkg + ";",
                "",
                "import static org.junit.jupiter.api.Assertions.assertEquals;",
                "import static org.junit.jupiter.api.Assertions.assertThrows;",
                "",
                "import java.io.IOException;",
                "import java.net.Socket;",
                "import org.junit.jupiter.api.Test;",
                "",
                "class SandboxProbeTests {",
                "  @Test",
                "  void noNetwork() {",
                "    assertThrows(IOException.class, () -> new Socket(\"127.0.0.1\", 5432).close());",
                "  }",
                "",
                "  @Test",
                "  void fails() {",
                "    assertEquals(1, 2);",
                "  }",
                "}")));
    String mainDir = dir.replace("src/test/java/", "src/main/java/");
    changed.put(
        mainDir + "/RawList.java",
        blobs.put(
            text(
                "package " + pkg + ";",
                "",
                "class RawList {",
                "  java.util.List items = new java.util.ArrayList();",
                "}")));
    String probe = blobs.put(new Manifest(manifest.rootFolder(), changed).toBytes());

    Verification result =
        verifier.verify(new VerificationInput(files.projectId(), probe)).verification();

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.FAILED);
    assertThat(result.testsFailed()).as(result.logTail()).isEqualTo(1);
    assertThat(result.testsPassed()).isGreaterThan(10);
    assertThat(result.lintFindings()).isGreaterThanOrEqualTo(1);
    assertThat(result.reason()).contains("1 test failed").contains("compiler warning");
  }

  /** A scaffolded project: its id and manifest. */
  record Scaffolded(String projectId, String manifestHash) {}

  private Scaffolded scaffold() {
    String spec =
        read("library.json").replace("\"stack\": \"flask\"", "\"stack\": \"spring-boot\"");
    assertThat(spec).contains("spring-boot");
    ProjectRecord project =
        projects.create(UUID.randomUUID(), "tester", "library-service", "spring-boot", spec);
    String id = project.id().toString();
    ScaffoldResult result =
        steps.scaffold(new ScaffoldInput(id, steps.createFeatures(new ProjectRef(id))));
    return new Scaffolded(id, result.manifestHash());
  }

  private static byte[] text(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String read(String name) {
    try (InputStream in =
        MavenVerificationIntegrationTests.class.getResourceAsStream("/specs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
