package io.backforge.activities.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.pack.StackPacks;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

/**
 * The contract check on its own, on generated Flask projects written to a directory (no store, no
 * Temporal), and the pieces it is made of. Prints what the check costs, cold (the first in this
 * JVM) and warm (as in a worker that verified before); the figures are not asserted.
 */
class ContractCheckTests {

  @Test
  void theLibraryAppKeepsItsDocumentsContractColdAndWarm(@TempDir Path dir) throws IOException {
    assumePython();
    generate("library.json", json -> json).writeTo(dir);

    ContractCheck.Result cold = ContractCheck.run(dir, flaskLaunch(dir), new RunningProcesses());
    ContractCheck.Result warm = ContractCheck.run(dir, flaskLaunch(dir), new RunningProcesses());

    System.out.printf(
        "contract check of library.json on Flask: %d ms cold, %d ms warm%n%s",
        cold.millis(), warm.millis(), warm.log());
    for (ContractCheck.Result result : List.of(cold, warm)) {
      assertThat(result.failed()).as(result.log()).isFalse();
      assertThat(result.checked()).isGreaterThan(25);
      assertThat(result.summary())
          .isEqualTo(
              result.checked() + " responses checked against the OpenAPI document, 0 violations");
    }
  }

  @Test
  void aProjectWithoutDocumentSaysSoAndDoesNotFail(@TempDir Path dir) throws IOException {
    generate("library.json", json -> json.replace("\"openapi\": true", "\"openapi\": false"))
        .writeTo(dir);

    ContractCheck.Result result = ContractCheck.run(dir, flaskLaunch(dir), new RunningProcesses());

    assertThat(result.failed()).isFalse();
    assertThat(result.checked()).isZero();
    assertThat(result.summary())
        .isEqualTo("no OpenAPI document to check against (features.openapi is off)");
  }

  @Test
  void anAppThatExitsAtStartUpFailsTheCheckWithItsOutput(@TempDir Path dir) throws IOException {
    assumeSandbox();
    generate("library.json", json -> json).writeTo(dir);

    ContractCheck.Result result =
        ContractCheck.run(
            dir,
            launch(List.of("/bin/sh", "-c", "echo 'Traceback: no module named app'; exit 3")),
            new RunningProcesses());

    assertThat(result.failed()).isTrue();
    assertThat(result.summary()).isEqualTo("the app exited before it accepted connections");
    assertThat(result.log()).contains("Traceback: no module named app");
  }

  @Test
  void anAppThatNeverListensFailsTheCheckAfterItsStartUpTime(@TempDir Path dir) throws IOException {
    assumeSandbox();
    generate("library.json", json -> json).writeTo(dir);

    ContractCheck.Result result =
        ContractCheck.run(
            dir,
            launch(List.of("/bin/sh", "-c", "echo starting; sleep 30")),
            new RunningProcesses());

    assertThat(result.failed()).isTrue();
    assertThat(result.summary()).isEqualTo("the app did not start within 1 s");
    assertThat(result.log()).contains("starting");
  }

  @Test
  void theRelayIsOneClassFileSoItRunsFromItsBytesAlone() throws Exception {
    Path classes =
        Path.of(StdioRelay.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = classes.resolve(StdioRelay.class.getPackageName().replace('.', '/'));

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("StdioRelay")))
          .containsExactly("StdioRelay.class");
    }
  }

  @Test
  void chunkedAndSizedResponsesAreReadWhole() throws IOException {
    byte[] chunked =
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\n{\"a\"\r\n3;x=y\r\n:1}\r\n0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] sized =
        "HTTP/1.0 404 NOT FOUND\r\ncontent-length: 2\r\nX-A: 1\r\nX-A: 2\r\n\r\n{}trailing"
            .getBytes(StandardCharsets.US_ASCII);

    LiveApp.Response first = LiveApp.decode(chunked);
    LiveApp.Response second = LiveApp.decode(sized);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.text()).isEqualTo("{\"a\":1}");
    assertThat(first.header("Content-Type")).isEqualTo("application/json");
    assertThat(second.status()).isEqualTo(404);
    assertThat(second.text()).isEqualTo("{}");
    assertThat(second.header("x-a")).isEqualTo("1, 2");
  }

  @Test
  void wordsReachTheShellUnchanged() {
    assertThat(LiveApp.shell(List.of("/usr/bin/python3", "-c", "print('it's')", "a b")))
        .isEqualTo("'/usr/bin/python3' '-c' 'print('\\''it'\\''s'\\'')' 'a b'");
  }

  private static ContractCheck.Launch launch(List<String> command) {
    return new ContractCheck.Launch(
        Sandbox.Options.DEFAULT, command, "app/openapi.json", Duration.ofSeconds(1));
  }

  private static final PackChecks FLASK =
      new PackChecks(
          StackPacks.find("flask").orElseThrow(), new DependencyCaches(new StandardEnvironment()));

  private static ContractCheck.Launch flaskLaunch(Path dir) {
    return FLASK.contractLaunch(dir, Optional.empty()).launch();
  }

  private static void assumePython() {
    String missing = FLASK.probe();
    Assumptions.assumeTrue(missing.isEmpty(), missing);
  }

  private static void assumeSandbox() {
    String missing =
        Sandbox.probe(Sandbox.Options.DEFAULT, "the sandbox does not start", "/bin/true");
    Assumptions.assumeTrue(missing.isEmpty(), missing);
  }

  private static GeneratedProject generate(String spec, UnaryOperator<String> change) {
    ValidationResult result =
        new SpecValidator().validate(change.apply(read(spec)).getBytes(StandardCharsets.UTF_8));
    assertThat(result.errors()).isEmpty();
    return new ProjectGenerator().generate(result.spec());
  }

  private static String read(String name) {
    try (InputStream in = ContractCheckTests.class.getResourceAsStream("/specs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
