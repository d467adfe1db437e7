package io.backforge.templates.flask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlaskVerificationTests {

  @Test
  void theEstimatedTestsOfAFlaskSuiteCountTestFunctionsAndParametrizedCases(@TempDir Path dir)
      throws Exception {
    Path tests = Files.createDirectories(dir.resolve("tests"));
    Files.writeString(
        tests.resolve("test_books.py"),
        """
        import pytest

        INVALID = [
            pytest.param("title", 1, id="title-number"),
            pytest.param("price", "x", id="price-text"),
        ]


        def test_create_returns_the_row(client):
            pass


        @pytest.mark.parametrize("key,value", INVALID)
        def test_create_rejects_an_invalid_value(client, key, value):
            pass
        """);
    Files.writeString(tests.resolve("conftest.py"), "def test_helper_not_a_test_file():\n");
    Files.writeString(tests.resolve("factories.py"), "x = 'pytest.param(' \n");

    assertThat(FlaskVerification.estimatedTests(dir)).isEqualTo(4);
  }
}
