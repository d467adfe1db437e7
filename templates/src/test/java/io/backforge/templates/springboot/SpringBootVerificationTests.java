package io.backforge.templates.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringBootVerificationTests {

  @Test
  void onlyJavacWarningsAboutTheProjectsOwnSourcesCount() {
    String output =
        String.join(
            "\n",
            "[INFO] Compiling 12 source files with javac [debug release 17] to target/classes",
            "[WARNING] /project/src/main/java/com/example/Book.java:[12,20] found raw type: List",
            "[WARNING] /project/src/test/java/com/example/BookTests.java:[3,1] [deprecation] x",
            "[WARNING] Parameter 'foo' is unknown for plugin 'maven-compiler-plugin'",
            "[WARNING] /usr/share/maven/lib/something.jar: not a Java file",
            "[INFO] BUILD SUCCESS");

    assertThat(SpringBootVerification.countWarnings(output)).isEqualTo(2);
  }

  @Test
  void testCountsAddUpEverySurefireReport(@TempDir Path dir) throws Exception {
    Path reports = Files.createDirectories(dir.resolve("target/surefire-reports"));
    Files.writeString(
        reports.resolve("TEST-com.example.BookTests.xml"),
        "<?xml version=\"1.0\"?>\n<testsuite name=\"com.example.BookTests\" time=\"1.2\""
            + " tests=\"7\" errors=\"1\" skipped=\"2\" failures=\"1\">\n</testsuite>\n");
    Files.writeString(
        reports.resolve("TEST-com.example.AuthorTests.xml"),
        "<testsuite failures=\"0\" tests=\"5\" skipped=\"0\" errors=\"0\" name=\"x\"></testsuite>");
    Files.writeString(reports.resolve("com.example.BookTests.txt"), "tests=\"100\"");

    assertThat(SpringBootVerification.testCounts(dir)).containsExactly(12, 2, 2);
  }
}
