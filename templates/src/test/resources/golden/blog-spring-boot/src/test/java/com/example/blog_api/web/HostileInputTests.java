package com.example.blog_api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile requests answer a 4xx problem detail of this API's one shape (a stable {@code type}, no
 * {@code instance}), never a 5xx: numbers beyond 64 bits, text the databases cannot store, unknown
 * body keys, date-times finer than the stored microseconds, deep nesting, bodies over 1 MiB,
 * bodies and answers that are not JSON, routes and methods that do not exist.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
class HostileInputTests {

  private static final String BEYOND_64_BITS = "99999999999999999999";
  private static final int MAX_BODY = 1024 * 1024;

  @Autowired Fixtures fixtures;

  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeEach
  void emptyTables() {
    fixtures.reset();
  }

  @Test
  void anIdBeyond64BitsOrNotANumberIsABadRequestNamingIt() throws Exception {
    for (String id : new String[] {BEYOND_64_BITS, "abc"}) {
      problem(fixtures.get("/api/categories/" + id), 400, "validation-failed")
          .andExpect(jsonPath("$.errors[0].field").value("id"));
      problem(fixtures.delete("/api/categories/" + id), 400, "validation-failed");
    }
    problem(fixtures.get("/api/categories?id=" + BEYOND_64_BITS), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("id"));
    problem(fixtures.get("/api/categories?page=" + BEYOND_64_BITS), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("page"));
    problem(fixtures.get("/api/categories?size=" + BEYOND_64_BITS), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("size"));
  }

  @Test
  void aWholeNumberBeyond64BitsIsABadRequestNamingIt() throws Exception {
    problem(
            fixtures.post("/api/posts", fixtures.with(fixtures.bodyPost(), "views", BEYOND_64_BITS)),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("views"));
    problem(fixtures.get("/api/posts?views=" + BEYOND_64_BITS), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("views"));
  }

  @Test
  void aWholeNumberFieldTakesNeitherAFractionNorAString() throws Exception {
    for (String value : new String[] {"1.5", "\"7\"", "true"}) {
      problem(
              fixtures.post("/api/posts", fixtures.with(fixtures.bodyPost(), "views", value)),
              400,
              "validation-failed")
          .andExpect(jsonPath("$.errors[0].field").value("views"));
    }
    long id = fixtures.createPost();
    problem(fixtures.patch("/api/posts/" + id, "{\"views\":1.5}"), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("views"));
  }

  @Test
  void textWithANulOrALoneSurrogateIsABadRequestOnEveryDatabase() throws Exception {
    long id = fixtures.createCategory();
    String body = stored("/api/categories", id);
    String value = fixtures.field(body, "title").asString();
    String rest = json.writeValueAsString(value.isEmpty() ? "" : value.substring(1)).substring(1);
    for (String escape : new String[] {"\\u0000", "\\ud800", "\\udc00"}) {
      problem(
              fixtures.post("/api/categories", raw(body, "title", "\"" + escape + rest)),
              400,
              "validation-failed")
          .andExpect(jsonPath("$.errors[0].field").value("title"))
          .andExpect(jsonPath("$.errors[0].message").value(containsString("NUL")));
    }
    problem(
            fixtures.send(MockMvcRequestBuilders.get("/api/categories").param("title", "a\0b")),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("title"));
    problem(
            fixtures.patch("/api/categories/" + id, "{\"title\":\"\\u0000\"}"),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("title"));
    fixtures.get("/api/categories").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void aTextFieldTakesNoNumberOrBoolean() throws Exception {
    for (String value : new String[] {"12345", "true"}) {
      problem(
              fixtures.post("/api/categories", fixtures.with(fixtures.bodyCategory(), "title", value)),
              400,
              "validation-failed")
          .andExpect(jsonPath("$.errors[0].field").value("title"));
    }
    long id = fixtures.createCategory();
    problem(fixtures.patch("/api/categories/" + id, "{\"title\":12345}"), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("title"));
  }

  @Test
  void aSurrogatePairIsKeptAsItIs() throws Exception {
    String body = fixtures.bodyCategory();
    String value = fixtures.field(body, "title").asString();
    String rest = json.writeValueAsString(value.length() < 2 ? "" : value.substring(2)).substring(1);
    String created =
        Fixtures.text(
            fixtures
                .post("/api/categories", raw(body, "title", "\"\\ud83d\\ude00" + rest))
                .andExpect(status().isCreated()));
    String read = Fixtures.text(fixtures.get("/api/categories/" + fixtures.field(created, "id").asLong()));
    assertThat(fixtures.sameJson(created, read)).isTrue();
    assertThat(fixtures.field(read, "title").asString()).startsWith("\uD83D\uDE00");
  }

  @Test
  void aDateTimeFinerThanAMicrosecondIsABadRequestAndAMicrosecondIsKept() throws Exception {
    String body = fixtures.bodyPost();
    problem(
            fixtures.post(
                "/api/posts",
                fixtures.with(body, "publishedAt", "\"2024-01-01T10:00:00.123456789Z\"")),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("publishedAt"));
    problem(
            fixtures.get("/api/posts?publishedAt=2024-01-01T10:00:00.123456789Z"),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("publishedAt"));
    String created =
        Fixtures.text(
            fixtures
                .post(
                    "/api/posts",
                    fixtures.with(body, "publishedAt", "\"2024-01-01T10:00:00.123456Z\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.publishedAt").value("2024-01-01T10:00:00.123456Z")));
    String read = Fixtures.text(fixtures.get("/api/posts/" + fixtures.field(created, "id").asLong()));
    assertThat(fixtures.sameJson(created, read)).isTrue();
  }

  @Test
  void unknownBodyPropertiesAreABadRequestNamingEachOfThem() throws Exception {
    long id = fixtures.createCategory();
    String body =
        fixtures.with(
            fixtures.with(stored("/api/categories", id), "noSuchProperty", "1"),
            "alsoUnknown",
            "{}");
    problem(fixtures.post("/api/categories", body), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[*].field", contains("alsoUnknown", "noSuchProperty")))
        .andExpect(jsonPath("$.errors[0].message").value("Unknown property."));
    problem(fixtures.put("/api/categories/" + id, body), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[*].field", contains("alsoUnknown", "noSuchProperty")));
    problem(
            fixtures.patch("/api/categories/" + id, "{\"id\": 1, \"noSuchProperty\": 1}"),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[*].field", contains("id", "noSuchProperty")));
    fixtures.get("/api/categories").andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void deeplyNestedBodiesAreABadRequest() throws Exception {
    String deep = "[".repeat(5000);
    problem(fixtures.post("/api/categories", deep), 400, "validation-failed");
    problem(fixtures.post("/api/categories", "{\"a\":" + deep), 400, "validation-failed");
    long id = fixtures.createCategory();
    problem(fixtures.patch("/api/categories/" + id, "{\"a\":" + deep), 400, "validation-failed");
  }

  @Test
  void aBodyOver1MiBIsContentTooLargeWithOrWithoutALength() throws Exception {
    String big = "{\"a\":\"" + "x".repeat(MAX_BODY) + "\"}";
    problem(fixtures.post("/api/categories", big), 413, "content-too-large");
    problem(
        fixtures.send(
            new Chunked()
                .uri("/api/categories")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Transfer-Encoding", "chunked")
                .content(big)
                .with(
                    request -> {
                      request.removeHeader(HttpHeaders.CONTENT_LENGTH);
                      return request;
                    })),
        413,
        "content-too-large");
    fixtures.get("/api/categories").andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void bodiesAndAnswersThatAreNotJsonAreRefusedAsProblems() throws Exception {
    problem(
        fixtures.send(
            MockMvcRequestBuilders.post("/api/categories")
                .contentType(MediaType.TEXT_PLAIN)
                .content("hello")),
        415,
        "unsupported-media-type");
    problem(
        fixtures.send(MockMvcRequestBuilders.get("/api/categories").accept(MediaType.TEXT_PLAIN)),
        406,
        "not-acceptable");
    problem(
            fixtures.send(
                MockMvcRequestBuilders.get("/api/categories/987654321")
                    .accept(MediaType.TEXT_PLAIN)),
            404,
            "not-found")
        .andExpect(jsonPath("$.detail").isString());
  }

  @Test
  void unknownRoutesAndMethodsAreProblemsWithTheirOwnTypes() throws Exception {
    problem(fixtures.get("/api/no-such-resource"), 404, "not-found");
    problem(fixtures.delete("/api/categories"), 405, "method-not-allowed")
        .andExpect(header().exists(HttpHeaders.ALLOW));
  }

  /**
   * {@code body} with {@code key} set to the JSON text {@code value} as it is written, escapes and
   * all: a JSON writer would turn a lone surrogate into a character UTF-8 cannot encode.
   */
  private String raw(String body, String key, String value) {
    return fixtures.with(body, key, "\"@hostile@\"").replace("\"@hostile@\"", value);
  }

  /** The row {@code id} as a request body: what it answers without its id and timestamps. */
  private String stored(String path, long id) throws Exception {
    return fixtures.without(
        Fixtures.text(fixtures.get(path + "/" + id)), "id", "createdAt", "updatedAt");
  }

  /** Checks that {@code result} is a problem of this API's shape with this status and type. */
  private static ResultActions problem(ResultActions result, int status, String type)
      throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/" + type))
        .andExpect(jsonPath("$.title").isString())
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.detail").isString())
        .andExpect(jsonPath("$.instance").doesNotExist());
  }

  /** A POST whose body arrives without a declared length, as a chunked one does. */
  private static final class Chunked extends AbstractMockHttpServletRequestBuilder<Chunked> {

    Chunked() {
      super(HttpMethod.POST);
    }

    @Override
    protected MockHttpServletRequest createServletRequest(ServletContext context) {
      return new MockHttpServletRequest(context) {
        @Override
        public int getContentLength() {
          return -1;
        }

        @Override
        public long getContentLengthLong() {
          return -1;
        }
      };
    }
  }
}
