package io.backforge.templates.flask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Flask suite shares one application across tests but not their data: a probe file
 * added to a generated project writes rows (an account, a book with its author) in one test and the
 * next test finds every table empty and ids starting from 1 again.
 */
class FlaskSuiteIsolationTests {

  private static final String PROBE =
      """
      import factories
      from app.extensions import db

      CREDENTIALS = {"email": "probe@example.com", "password": "correct horse battery"}


      def row_counts(app):
          with app.app_context():
              return {
                  table.name: db.session.execute(
                      db.select(db.func.count()).select_from(table)
                  ).scalar()
                  for table in db.metadata.sorted_tables
              }


      def test_first_writes_rows_to_several_tables(app, client):
          assert client.post("/auth/register", json=CREDENTIALS).status_code == 201
          assert factories.create_book(client)["id"] == 1
          assert factories.create_book(client)["id"] == 2
          assert row_counts(app)["books"] == 2


      def test_the_next_test_starts_from_the_migrated_state(app, client):
          assert set(row_counts(app).values()) == {0}
          assert factories.create_book(client)["id"] == 1
          assert client.post("/auth/register", json=CREDENTIALS).status_code == 201


      def test_the_application_is_the_same_object_across_tests(app, application):
          assert app is application
      """;

  @TempDir Path dir;

  @Test
  void aRowWrittenInOneTestIsNotVisibleInTheNext() throws Exception {
    PythonRunner.write(new FlaskGenerator().generate(PythonRunner.spec("library.json")), dir);
    Files.writeString(dir.resolve("tests/test_isolation_probe.py"), PROBE);

    PythonRunner.Result result =
        PythonRunner.run(
            dir,
            120,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_isolation_probe.py");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("3 passed");
  }
}
