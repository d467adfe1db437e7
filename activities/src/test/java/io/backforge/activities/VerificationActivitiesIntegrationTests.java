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

@SpringBootTest(classes = ActivitiesTestApplication.class)
class VerificationActivitiesIntegrationTests {

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
  void scaffoldedLibraryPassesLintAndItsOwnTestsInTheSandbox() {
    Scaffolded files = scaffold("library.json");

    Verification result =
        verifier
            .verify(new VerificationInput(files.projectId(), files.manifestHash()))
            .verification();

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.PASSED);
    assertThat(result.testsPassed()).isGreaterThan(50);
    assertThat(result.testsFailed()).isZero();
    assertThat(result.lintFindings()).isZero();
    assertThat(result.reason()).contains("tests passed");
    assertThat(result.logTail()).contains("passed");
  }

  @Test
  void aBrokenFileFailsVerificationWithCountsAndTheLogTail() {
    Scaffolded files = scaffold("library.json");
    Manifest manifest = Manifest.parse(blobs.get(files.manifestHash()).orElseThrow());
    TreeMap<String, String> changed = new TreeMap<>(manifest.files());
    changed.put(
        "tests/test_health.py",
        blobs.put(
            ("import os\n\n\ndef test_fails(client):\n    assert  client.get('/health').status_code"
                    + " == 500\n")
                .getBytes(StandardCharsets.UTF_8)));
    String broken = blobs.put(new Manifest(manifest.rootFolder(), changed).toBytes());

    Verification result =
        verifier.verify(new VerificationInput(files.projectId(), broken)).verification();

    assertThat(result.state()).isEqualTo(VerificationState.FAILED);
    assertThat(result.testsFailed()).isEqualTo(1);
    assertThat(result.testsPassed()).isGreaterThan(50);
    assertThat(result.lintFindings()).isEqualTo(2);
    assertThat(result.reason()).contains("1 test failed").contains("2 lint findings");
    assertThat(result.logTail()).contains("test_fails");
  }

  @Test
  void theSandboxHasNoNetwork() throws Exception {
    Scaffolded files = scaffold("library.json");
    Manifest manifest = Manifest.parse(blobs.get(files.manifestHash()).orElseThrow());
    TreeMap<String, String> changed = new TreeMap<>(manifest.files());
    changed.put(
        "tests/test_network.py",
        blobs.put(
            String.join(
                    "\n",
                    "import socket",
                    "",
                    "import pytest",
                    "",
                    "",
                    "def test_no_network():",
                    "    with pytest.raises(OSError):",
                    "        socket.create_connection((\"127.0.0.1\", 5432), timeout=2)",
                    "")
                .getBytes(StandardCharsets.UTF_8)));
    String probe = blobs.put(new Manifest(manifest.rootFolder(), changed).toBytes());

    Verification result =
        verifier.verify(new VerificationInput(files.projectId(), probe)).verification();

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.PASSED);
  }

  @Test
  void aGeneratedSpringBootProjectBuildsAndPassesItsOwnTestsOffline() {
    Scaffolded files = scaffold("library.json", Stack.SPRING_BOOT);

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
  void aSpringBootProjectsFailingTestAndCompilerWarningShowAndItsSandboxHasNoNetwork() {
    Scaffolded files = scaffold("library.json", Stack.SPRING_BOOT);
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

  private Scaffolded scaffold(String spec) {
    return scaffold(spec, Stack.FLASK);
  }

  /**
   * The sample {@code spec} for {@code stack}, scaffolded; skips the test without its toolchain.
   */
  private Scaffolded scaffold(String spec, Stack stack) {
    Assumptions.assumeTrue(toolchain.available(stack), () -> toolchain.missing(stack));
    String json = read(spec).replace("\"stack\": \"flask\"", "\"stack\": \"" + stack.json() + "\"");
    assertThat(json).contains("\"stack\": \"" + stack.json() + "\"");
    ProjectRecord project =
        projects.create(UUID.randomUUID(), "tester", "library-service", stack.json(), json);
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
        VerificationActivitiesIntegrationTests.class.getResourceAsStream("/specs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
