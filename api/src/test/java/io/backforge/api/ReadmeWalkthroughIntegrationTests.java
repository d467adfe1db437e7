package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * README's curl walkthrough, run as a newcomer pastes it: the first {@code bash} block of its
 * "Walkthrough with curl" section, by bash, in a copy of the repository's {@code examples/} (the
 * only files it refers to), against this platform. The one change is the address: the platform
 * under test listens on a random port instead of 8080. Debian's Python comes first on the path, as
 * on a machine with the generated project's packages installed.
 */
class ReadmeWalkthroughIntegrationTests extends IntegrationTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @LocalServerPort int port;

  @Test
  void theWalkthroughRunsAsPastedFromSubmissionToThePassingTestsOfTheDownloadedProject(
      @TempDir Path work) throws Exception {
    String script = walkthrough().replace("http://localhost:8080", "http://localhost:" + port);
    FileSystemUtils.copyRecursively(REPOSITORY.resolve("examples"), work.resolve("examples"));

    Run run = bash(script, work);

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output())
        .as(
            "the submission, the event stream to its end, the waited-for status, the project's own tests,"
                + " the problem")
        .containsPattern(
            "\"name\":\"library-service\",\"stack\":\"flask\",\"status\":\"(QUEUED|RUNNING)\"")
        .containsPattern("(?m)^event: ?end$")
        .contains("\"status\":\"SUCCEEDED\"")
        .containsPattern("\\d+ passed")
        .contains("\"type\":\"/problems/invalid-spec\"")
        .contains("\"pointer\":\"/stack\"");
    assertThat(work.resolve("library-service.zip")).isRegularFile();
    assertThat(work.resolve("library-service/app")).isDirectory();
  }

  /** The walkthrough's first shell block, verbatim. */
  static String walkthrough() throws IOException {
    String readme = Files.readString(REPOSITORY.resolve("README.md"));
    Matcher block =
        Pattern.compile("(?s)## Walkthrough with curl\\n.*?```bash\\n(.*?)```").matcher(readme);
    assertThat(block.find()).as("README has a walkthrough with a bash block").isTrue();
    return block.group(1);
  }

  /** Runs {@code script}; its output goes to a file, so the time limit holds even if it hangs. */
  private static Run bash(String script, Path directory) throws Exception {
    Path output = Files.createTempFile("readme-walkthrough", ".log");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("PATH", "/usr/bin:/bin:" + System.getenv("PATH"));
    Process process = builder.start();
    boolean ended = process.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    String text = Files.readString(output);
    Files.delete(output);
    return new Run(ended ? process.exitValue() : -1, text);
  }

  private record Run(int exit, String output) {}
}
