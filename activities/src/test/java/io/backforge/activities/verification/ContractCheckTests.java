package io.backforge.activities.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract check against generated Flask apps, without the rest of verification. */
class ContractCheckTests {

  @BeforeAll
  static void toolchain() {
    String missing = new PythonChecks().probe();
    Assumptions.assumeTrue(missing.isEmpty(), missing);
  }

  @Test
  void theGeneratedLibraryAppKeepsItsDocumentsContract(@TempDir Path dir) throws IOException {
    write(generate("library.json"), dir);

    ContractCheck.Result result = ContractCheck.run(dir, PythonChecks.CONTRACT);
    System.out.println("cold: " + result.log());
    for (int i = 0; i < 3; i++) {
      result = ContractCheck.run(dir, PythonChecks.CONTRACT);
      System.out.println("warm: " + result.log());
    }

    System.out.println(
        "contract check of library.json on Flask: " + result.millis() + " ms\n" + result.log());
    assertThat(result.failed()).as(result.log()).isFalse();
    assertThat(result.checked()).isGreaterThan(20);
    assertThat(result.summary())
        .startsWith(
            result.checked() + " responses checked against the OpenAPI document, 0 violations")
        .doesNotContain("not exercised");
  }

  static GeneratedProject generate(String spec) {
    ValidationResult result = new SpecValidator().validate(read(spec));
    assertThat(result.errors()).isEmpty();
    return new ProjectGenerator().generate(result.spec());
  }

  static void write(GeneratedProject project, Path dir) throws IOException {
    for (Map.Entry<String, byte[]> file : project.files().entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = ContractCheckTests.class.getResourceAsStream("/specs/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
