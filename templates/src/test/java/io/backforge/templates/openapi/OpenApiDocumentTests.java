package io.backforge.templates.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSameSpecGivesTheSameDocument() throws IOException {
    assertThat(document("shop.json", "spring-boot"))
        .isEqualTo(document("shop.json", "spring-boot"));
    assertThat(document("shop.json", "flask")).isEqualTo(document("shop.json", "flask"));
  }

  @Test
  void eachStackDocumentsWhatItsOwnCodeAnswers() throws IOException {
    JsonNode flask = JSON.readTree(document("shop.json", "flask"));
    JsonNode spring = JSON.readTree(document("shop.json", "spring-boot"));
    assertThat(flask.path("paths").has("/health")).isTrue();
    assertThat(flask.path("paths").has("/openapi.json")).isTrue();
    assertThat(spring.path("paths").has("/actuator/health")).isTrue();
    assertThat(spring.path("paths").has("/v3/api-docs")).isTrue();
    JsonNode flaskCreate = flask.at("/paths/~1api~1products/post/responses");
    JsonNode springCreate = spring.at("/paths/~1api~1products/post/responses");
    assertThat(names(flaskCreate)).containsExactly("201", "400", "401", "409", "413", "415");
    assertThat(names(springCreate))
        .containsExactly("201", "400", "401", "406", "409", "413", "415");
    assertThat(names(flask.at("/paths/~1api~1products~1{id}/get/responses")))
        .containsExactly("200", "401", "404");
    assertThat(names(spring.at("/paths/~1api~1products~1{id}/get/responses")))
        .containsExactly("200", "400", "401", "404", "406");
    assertThat(names(spring.at("/paths/~1api~1products~1{id}/delete/responses")))
        .containsExactly("204", "400", "401", "404", "409");
    assertThat(flask.at("/components/schemas/Product/properties/price/type").asText())
        .isEqualTo("string");
    assertThat(spring.at("/components/schemas/Product/properties/price/type").asText())
        .isEqualTo("number");
    for (JsonNode doc : List.of(flask, spring)) {
      for (String schema : List.of("ProductInput", "ProductPatch", "Credentials")) {
        assertThat(doc.at("/components/schemas/" + schema + "/additionalProperties").isBoolean())
            .as(schema)
            .isTrue();
        assertThat(doc.at("/components/schemas/" + schema + "/additionalProperties").asBoolean())
            .as(schema)
            .isFalse();
      }
    }
  }

  @Test
  void aDecimalIsAcceptedAsANumberOrANumericStringByBothStacks() throws IOException {
    for (String stack : List.of("flask", "spring-boot")) {
      JsonNode price =
          JSON.readTree(document("shop.json", stack))
              .at("/components/schemas/ProductInput/properties/price");
      assertThat(price.at("/anyOf/0/type").asText()).as(stack).isEqualTo("number");
      assertThat(price.at("/anyOf/0/minimum").asInt()).as(stack).isZero();
      assertThat(price.at("/anyOf/1/type").asText()).as(stack).isEqualTo("string");
      assertThat(price.at("/anyOf/1/pattern").asText())
          .as(stack)
          .isEqualTo("^-?[0-9]+(\\.[0-9]+)?$");
      assertThat(price.path("description").asText())
          .as(stack)
          .contains("number or a numeric string");
    }
  }

  @Test
  void publicOperationsHaveNoSecurityAndProtectedOnesTheBearerScheme() throws IOException {
    JsonNode doc = JSON.readTree(document("shop.json", "flask"));
    for (String path : List.of("/health", "/openapi.json", "/auth/register", "/auth/login")) {
      JsonNode operation = doc.path("paths").path(path).elements().next();
      assertThat(operation.path("security").isEmpty()).as(path).isTrue();
    }
    assertThat(doc.at("/paths/~1api~1orders/get/security/0").has("bearerAuth")).isTrue();
    assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText())
        .isEqualTo("bearer");
  }

  @Test
  void optionalValuesAreNullableAndANullableEnumListsNull() throws IOException {
    String spec =
        """
        {"name": "nulls", "stack": "flask", "database": "sqlite",
         "entities": [{"name": "Ticket", "fields": [
           {"name": "title", "type": "string", "required": true},
           {"name": "note", "type": "text"},
           {"name": "state", "type": "enum", "values": ["OPEN", "DONE"]}]}],
         "features": {"auth": "none", "pagination": true, "openapi": true, "docker": false,
                      "tests": true}}
        """;
    JsonNode ticket = JSON.readTree(text(spec)).at("/components/schemas/Ticket/properties");
    assertThat(ticket.at("/title/nullable").isMissingNode()).isTrue();
    assertThat(ticket.at("/note/nullable").asBoolean()).isTrue();
    assertThat(ticket.at("/state/nullable").asBoolean()).isTrue();
    assertThat(ticket.at("/state/enum").toString()).isEqualTo("[\"OPEN\",\"DONE\",null]");
  }

  @Test
  void schemaNamesThatEntitiesAlreadyUseGetANumber() throws IOException {
    String spec =
        """
        {"name": "clash", "stack": "flask", "database": "sqlite",
         "entities": [
           {"name": "Problem", "fields": [{"name": "title", "type": "string"}]},
           {"name": "ProblemPage", "fields": [{"name": "title", "type": "string"}]}],
         "features": {"auth": "none", "pagination": true, "openapi": true, "docker": false,
                      "tests": true}}
        """;
    JsonNode schemas = JSON.readTree(text(spec)).path("components").path("schemas");
    assertThat(names(schemas))
        .contains("Problem", "ProblemPage", "ProblemPage2", "Problem2", "ProblemPagePage");
    assertThat(schemas.at("/Problem2/required").toString()).contains("status");
    assertThat(schemas.at("/Problem/required").toString()).contains("title", "createdAt");
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.properties().forEach(e -> out.add(e.getKey()));
    return out;
  }

  private static String document(String resource, String stack) throws IOException {
    try (InputStream in = OpenApiDocumentTests.class.getResourceAsStream("/specs/" + resource)) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text(
          json.replaceFirst("\"stack\"\\s*:\\s*\"[a-z-]+\"", "\"stack\": \"" + stack + "\""));
    }
  }

  private static String text(String specJson) {
    ValidationResult result =
        new SpecValidator().validate(specJson.getBytes(StandardCharsets.UTF_8));
    assertThat(result.errors()).isEmpty();
    GeneratedProject project = new ProjectGenerator().generate(result.spec());
    return project.files().entrySet().stream()
        .filter(e -> e.getKey().endsWith("openapi.json"))
        .map(e -> new String(e.getValue(), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow();
  }
}
