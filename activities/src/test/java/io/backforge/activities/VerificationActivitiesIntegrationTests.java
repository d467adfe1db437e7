package io.backforge.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.store.Manifest;
import io.backforge.templates.flask.FlaskPack;
import io.backforge.templates.springboot.SpringBootPack;
import io.backforge.workflows.Verification;
import io.backforge.workflows.VerificationState;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VerificationActivitiesIntegrationTests extends VerifyingIntegrationTest {

  @Test
  void scaffoldedLibraryPassesLintAndItsOwnTestsInTheSandbox() {
    Scaffolded files = scaffold("library.json");

    Verification result = verify(files.projectId(), files.manifestHash());

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
    String broken =
        withFiles(
            files.manifestHash(),
            Map.of(
                "tests/test_health.py",
                ("import os\n\n\ndef test_fails(client):\n    assert  client.get('/health')"
                        + ".status_code == 500\n")
                    .getBytes(StandardCharsets.UTF_8)));

    Verification result = verify(files.projectId(), broken);

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
    String probe =
        withFiles(
            files.manifestHash(),
            Map.of(
                "tests/test_network.py",
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

    Verification result = verify(files.projectId(), probe);

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.PASSED);
  }

  @Test
  void aGeneratedSpringBootProjectBuildsAndPassesItsOwnTestsOffline() {
    Scaffolded files = scaffold("library.json", SpringBootPack.STACK);

    Verification result = verify(files.projectId(), files.manifestHash());

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.PASSED);
    assertThat(result.testsPassed()).isGreaterThan(10);
    assertThat(result.testsFailed()).isZero();
    assertThat(result.lintFindings()).isZero();
    assertThat(result.reason()).contains("tests passed").contains("without warnings");
  }

  @Test
  void aSpringBootProjectsFailingTestAndCompilerWarningShowAndItsSandboxHasNoNetwork() {
    Scaffolded files = scaffold("library.json", SpringBootPack.STACK);
    Manifest manifest = Manifest.parse(blobs.get(files.manifestHash()).orElseThrow());
    String testFile =
        manifest.files().keySet().stream()
            .filter(p -> p.startsWith("src/test/java/") && p.endsWith(".java"))
            .findFirst()
            .orElseThrow();
    String dir = testFile.substring(0, testFile.lastIndexOf('/'));
    String pkg = dir.substring("src/test/java/".length()).replace('/', '.');
    Map<String, byte[]> changed = new TreeMap<>();
    changed.put(
        dir + "/SandboxProbeTests.java",
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
            "}"));
    String mainDir = dir.replace("src/test/java/", "src/main/java/");
    changed.put(
        mainDir + "/RawList.java",
        text(
            "package " + pkg + ";",
            "",
            "class RawList {",
            "  java.util.List items = new java.util.ArrayList();",
            "}"));
    String probe = withFiles(files.manifestHash(), changed);

    Verification result = verify(files.projectId(), probe);

    assertThat(result.state()).as(result.logTail()).isEqualTo(VerificationState.FAILED);
    assertThat(result.testsFailed()).as(result.logTail()).isEqualTo(1);
    assertThat(result.testsPassed()).isGreaterThan(10);
    assertThat(result.lintFindings()).isGreaterThanOrEqualTo(1);
    assertThat(result.reason()).contains("1 test failed").contains("compiler warning");
  }

  private Scaffolded scaffold(String spec) {
    return scaffold(spec, FlaskPack.STACK);
  }

  private static byte[] text(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
