package com.example.library_service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is the one generated with the project, served without a token, and names
 * exactly the routes the application maps (health, served by the actuator, besides).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class OpenApiTests {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final String HEALTH = "get /actuator/health";

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void servesTheShippedDocumentWithoutAToken() throws Exception {
    byte[] shipped = new ClassPathResource("openapi.json").getContentAsByteArray();
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(content().bytes(shipped));
    assertThat(document().get("openapi").asString()).isEqualTo("3.0.3");
  }

  @Test
  void documentsEveryMappedRouteAndNoOther() throws Exception {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (path.equals("/error")) {
          continue;
        }
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          routes.add(method.name().toLowerCase(Locale.ROOT) + " " + path);
        }
      }
    }
    routes.add(HEALTH);
    Set<String> documented = new TreeSet<>();
    operations().forEach(op -> documented.add(op.getKey()));
    assertThat(documented).isEqualTo(routes);
  }

  @Test
  void everyOperationHasAUniqueIdASummarySecurityAndResponses() throws Exception {
    Set<String> ids = new TreeSet<>();
    for (Map.Entry<String, JsonNode> op : operations()) {
      JsonNode operation = op.getValue();
      assertThat(ids.add(operation.path("operationId").asString())).as(op.getKey()).isTrue();
      assertThat(operation.path("summary").asString()).as(op.getKey()).isNotBlank();
      assertThat(operation.has("security")).as(op.getKey()).isTrue();
      assertThat(operation.path("responses").isEmpty()).as(op.getKey()).isFalse();
    }
  }

  @Test
  void theDocumentedHealthPathAnswers() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }

  @Test
  void swaggerUiReadsTheDocumentFromTheBundledWebjar() throws Exception {
    mvc.perform(get("/swagger-ui.html"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("v3/api-docs")));
    mvc.perform(get("/webjars/swagger-ui/5.32.2/swagger-ui-bundle.js"))
        .andExpect(status().isOk());
  }

  private JsonNode document() throws Exception {
    return json.readTree(new ClassPathResource("openapi.json").getContentAsByteArray());
  }

  /** Every operation of the document as {@code "<method> <path>"} and the operation. */
  private List<Map.Entry<String, JsonNode>> operations() throws Exception {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (METHODS.contains(op.getKey())) {
          out.add(Map.entry(op.getKey() + " " + path.getKey(), op.getValue()));
        }
      }
    }
    return out;
  }
}
