package com.example.library_service.web;

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
      problem(fixtures.get("/api/authors/" + id), 400, "validation-failed")
          .andExpect(jsonPath("$.errors[0].field").value("id"));
      problem(fixtures.delete("/api/authors/" + id), 400, "validation-failed");
    }
    problem(fixtures.get("/api/authors?id=" + BEYOND_64_BITS), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("id"));
    problem(fixtures.get("/api/authors?page=" + BEYOND_64_BITS), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("page"));
    problem(fixtures.get("/api/authors?size=" + BEYOND_64_BITS), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("size"));
  }

  @Test
  void textWithANulOrALoneSurrogateIsABadRequestOnEveryDatabase() throws Exception {
    long id = fixtures.createAuthor();
    String body = stored("/api/authors", id);
    String value = fixtures.field(body, "name").asString();
    String rest = json.writeValueAsString(value.isEmpty() ? "" : value.substring(1)).substring(1);
    for (String escape : new String[] {"\\u0000", "\\ud800", "\\udc00"}) {
      problem(
              fixtures.post("/api/authors", raw(body, "name", "\"" + escape + rest)),
              400,
              "validation-failed")
          .andExpect(jsonPath("$.errors[0].field").value("name"))
          .andExpect(jsonPath("$.errors[0].message").value(containsString("NUL")));
    }
    problem(
            fixtures.send(MockMvcRequestBuilders.get("/api/authors").param("name", "a\0b")),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    problem(
            fixtures.patch("/api/authors/" + id, "{\"name\":\"\\u0000\"}"),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    fixtures.get("/api/authors").andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void aTextFieldTakesNoNumberOrBoolean() throws Exception {
    for (String value : new String[] {"12345", "true"}) {
      problem(
              fixtures.post("/api/authors", fixtures.with(fixtures.bodyAuthor(), "name", value)),
              400,
              "validation-failed")
          .andExpect(jsonPath("$.errors[0].field").value("name"));
    }
    long id = fixtures.createAuthor();
    problem(fixtures.patch("/api/authors/" + id, "{\"name\":12345}"), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("name"));
  }

  @Test
  void aSurrogatePairIsKeptAsItIs() throws Exception {
    String body = fixtures.bodyAuthor();
    String value = fixtures.field(body, "name").asString();
    String rest = json.writeValueAsString(value.length() < 2 ? "" : value.substring(2)).substring(1);
    String created =
        Fixtures.text(
            fixtures
                .post("/api/authors", raw(body, "name", "\"\\ud83d\\ude00" + rest))
                .andExpect(status().isCreated()));
    String read = Fixtures.text(fixtures.get("/api/authors/" + fixtures.field(created, "id").asLong()));
    assertThat(fixtures.sameJson(created, read)).isTrue();
    assertThat(fixtures.field(read, "name").asString()).startsWith("\uD83D\uDE00");
  }

  @Test
  void aDecimalIsAcceptedAsANumericStringAndAnsweredAsANumber() throws Exception {
    String body = fixtures.bodyBook();
    problem(
            fixtures.post("/api/books", fixtures.with(body, "price", "\"12abc\"")),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[0].field").value("price"));
    String value = fixtures.field(body, "price").asString();
    String created =
        Fixtures.text(
            fixtures
                .post("/api/books", fixtures.with(body, "price", "\"" + value + "\""))
                .andExpect(status().isCreated()));
    assertThat(fixtures.field(created, "price").isNumber()).isTrue();
    assertThat(fixtures.field(created, "price").decimalValue())
        .isEqualByComparingTo(fixtures.field(body, "price").decimalValue());
  }

  @Test
  void unknownBodyPropertiesAreABadRequestNamingEachOfThem() throws Exception {
    long id = fixtures.createAuthor();
    String body =
        fixtures.with(
            fixtures.with(stored("/api/authors", id), "noSuchProperty", "1"),
            "alsoUnknown",
            "{}");
    problem(fixtures.post("/api/authors", body), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[*].field", contains("alsoUnknown", "noSuchProperty")))
        .andExpect(jsonPath("$.errors[0].message").value("Unknown property."));
    problem(fixtures.put("/api/authors/" + id, body), 400, "validation-failed")
        .andExpect(jsonPath("$.errors[*].field", contains("alsoUnknown", "noSuchProperty")));
    problem(
            fixtures.patch("/api/authors/" + id, "{\"id\": 1, \"noSuchProperty\": 1}"),
            400,
            "validation-failed")
        .andExpect(jsonPath("$.errors[*].field", contains("id", "noSuchProperty")));
    fixtures.get("/api/authors").andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void deeplyNestedBodiesAreABadRequest() throws Exception {
    String deep = "[".repeat(5000);
    problem(fixtures.post("/api/authors", deep), 400, "validation-failed");
    problem(fixtures.post("/api/authors", "{\"a\":" + deep), 400, "validation-failed");
    long id = fixtures.createAuthor();
    problem(fixtures.patch("/api/authors/" + id, "{\"a\":" + deep), 400, "validation-failed");
  }

  @Test
  void aBodyOver1MiBIsContentTooLargeWithOrWithoutALength() throws Exception {
    String big = "{\"a\":\"" + "x".repeat(MAX_BODY) + "\"}";
    problem(fixtures.post("/api/authors", big), 413, "content-too-large");
    problem(
        fixtures.send(
            new Chunked()
                .uri("/api/authors")
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
    fixtures.get("/api/authors").andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void bodiesAndAnswersThatAreNotJsonAreRefusedAsProblems() throws Exception {
    problem(
        fixtures.send(
            MockMvcRequestBuilders.post("/api/authors")
                .contentType(MediaType.TEXT_PLAIN)
                .content("hello")),
        415,
        "unsupported-media-type");
    problem(
        fixtures.send(MockMvcRequestBuilders.get("/api/authors").accept(MediaType.TEXT_PLAIN)),
        406,
        "not-acceptable");
    problem(
            fixtures.send(
                MockMvcRequestBuilders.get("/api/authors/987654321")
                    .accept(MediaType.TEXT_PLAIN)),
            404,
            "not-found")
        .andExpect(jsonPath("$.detail").isString());
  }

  @Test
  void unknownRoutesAndMethodsAreProblemsWithTheirOwnTypes() throws Exception {
    problem(fixtures.get("/api/no-such-resource"), 404, "not-found");
    problem(fixtures.delete("/api/authors"), 405, "method-not-allowed")
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
