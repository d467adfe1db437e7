package io.backforge.templates.flask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonLiteralsTests {

  private static final List<String> HOSTILE =
      List.of(
          "",
          "plain",
          "say \"hi\"",
          "it's",
          "back\\slash\\",
          "\\",
          "\"\"\"",
          "'''",
          "{{ name }}",
          "line\nbreak\r\ttab",
          "# not a comment",
          "\u0000nul\u007fdel",
          "na\u00efve \u2603 \uD834\uDD1E",
          "\u2028separator\u2029",
          "\\N{BULLET} \\x41 \\u0041",
          "f\"{x}\" %s {0}");

  @Test
  void stringLiteralIsPrintableAsciiInQuotesItsOwnQuoteCannotEnd() {
    for (String value : HOSTILE) {
      String literal = PythonLiterals.string(value);
      String quote = literal.substring(0, 1);

      assertThat(quote).isIn("\"", "'");
      assertThat(literal).endsWith(quote);
      assertThat(literal.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
      assertThat(literal.substring(1, literal.length() - 1))
          .doesNotContainPattern("(?<!\\\\)" + quote);
    }
  }

  @Test
  void stringLiteralUsesTheQuotesBlackPrefers() {
    assertThat(PythonLiterals.string("plain")).isEqualTo("\"plain\"");
    assertThat(PythonLiterals.string("say \"hi\"")).isEqualTo("'say \"hi\"'");
    assertThat(PythonLiterals.string("it's \"x\"")).isEqualTo("'it\\'s \"x\"'");
    assertThat(PythonLiterals.string("it's")).isEqualTo("\"it's\"");
  }

  @Test
  void pythonReadsEveryLiteralBackAsTheOriginalText(@TempDir Path dir) throws Exception {
    StringBuilder script = new StringBuilder("import json, sys\nvalues = [\n");
    for (String value : HOSTILE) {
      script.append("    ").append(PythonLiterals.string(value)).append(",\n");
    }
    script.append("]\nsys.stdout.write(json.dumps(values))\n");
    Files.writeString(dir.resolve("check.py"), script);

    PythonRunner.Result result = PythonRunner.run(dir, 30, "check.py");

    assertThat(result.exitCode()).as(result.output()).isZero();
    List<?> parsed = new ObjectMapper().readValue(result.output(), List.class);
    assertThat(parsed).isEqualTo(HOSTILE);
  }

  @Test
  void tupleHasATrailingCommaForOneElement() {
    assertThat(PythonLiterals.stringTuple(List.of())).isEqualTo("()");
    assertThat(PythonLiterals.stringTuple(List.of("a"))).isEqualTo("(\"a\",)");
    assertThat(PythonLiterals.stringTuple(List.of("a", "b\""))).isEqualTo("(\"a\", 'b\"')");
  }

  @Test
  void decimalIsBuiltFromItsExactText() {
    assertThat(PythonLiterals.decimal(new BigDecimal("1E+3")))
        .isEqualTo("decimal.Decimal(\"1000\")");
    assertThat(PythonLiterals.decimal(new BigDecimal("-0.10")))
        .isEqualTo("decimal.Decimal(\"-0.10\")");
  }
}
