package com.example.library_service.web;

import com.example.library_service.auth.TokenService;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test data through the API itself: valid request bodies for every entity (each call the next of
 * a few value sets, so unique values do not repeat within a test), rows created with their
 * required parents, and requests that carry a token when the API needs one (signed once per
 * test run; the test profile makes it outlast any run). Tables are emptied before each test, so
 * tests share one application context and stay independent.
 */
class Fixtures {

  private static final List<String> TABLES =
      List.of(
          "authors",
          "books",
          "auth_accounts"
          );

  /** One batch: H2 stops checking references, every table is emptied, checking resumes. */
  private static final String[] EMPTY_EVERY_TABLE = emptyEveryTable();

  private static final String[] AUTHOR_BODIES = {
      "\"name\":\"name-0\",\"born\":\"2024-01-15\"",
      "\"name\":\"name-1\",\"born\":\"2024-01-18\"",
      "\"name\":\"name-2\",\"born\":\"2024-01-21\"",
      "\"name\":\"name-3\",\"born\":\"2024-01-24\""
  };

  private static final String[] BOOK_BODIES = {
      "\"title\":\"title-0\",\"isbn\":\"041200-779\",\"price\":0.25,\"published\":true",
      "\"title\":\"title-1\",\"isbn\":\"0615523811553163\",\"price\":0,\"published\":false",
      "\"title\":\"title-2\",\"isbn\":\"-7918422-75674\",\"price\":1.25,\"published\":true",
      "\"title\":\"title-3\",\"isbn\":\"2946148-478607-0\",\"price\":1,\"published\":false"
  };

  private final MockMvc mvc;
  private final JdbcTemplate jdbc;
  private final TokenService tokens;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Integer> counters = new HashMap<>();
  private String token;

  Fixtures(MockMvc mvc, JdbcTemplate jdbc, TokenService tokens) {
    this.mvc = mvc;
    this.jdbc = jdbc;
    this.tokens = tokens;
  }

  /**
   * Empties every table in one JDBC batch (H2 runs the rest of a batch after a failing statement,
   * so reference checks are always switched back on).
   */
  void reset() {
    jdbc.batchUpdate(EMPTY_EVERY_TABLE);
    counters.clear();
  }

  private static String[] emptyEveryTable() {
    List<String> statements = new ArrayList<>();
    statements.add("SET REFERENTIAL_INTEGRITY FALSE");
    for (String table : TABLES) {
      statements.add("DELETE FROM \"" + table + "\"");
    }
    statements.add("SET REFERENTIAL_INTEGRITY TRUE");
    return statements.toArray(String[]::new);
  }

  ResultActions get(String url) throws Exception {
    return mvc.perform(authorized(MockMvcRequestBuilders.get(url)));
  }

  ResultActions post(String url, String body) throws Exception {
    return mvc.perform(
        authorized(MockMvcRequestBuilders.post(url))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  ResultActions put(String url, String body) throws Exception {
    return mvc.perform(
        authorized(MockMvcRequestBuilders.put(url))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  ResultActions patch(String url, String body) throws Exception {
    return mvc.perform(
        authorized(MockMvcRequestBuilders.patch(url))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  /** Whether two JSON documents are equal once {@code ignored} keys are left out. */
  boolean sameJson(String left, String right, String... ignored) {
    return json.readTree(without(left, ignored)).equals(json.readTree(without(right, ignored)));
  }

  ResultActions delete(String url) throws Exception {
    return mvc.perform(authorized(MockMvcRequestBuilders.delete(url)));
  }

  /** Sends {@code request} as it is built, with the token when the API needs one. */
  <B extends AbstractMockHttpServletRequestBuilder<B>> ResultActions send(B request)
      throws Exception {
    return mvc.perform(authorized(request));
  }

  private <B extends AbstractMockHttpServletRequestBuilder<B>> B authorized(B request) {
    if (token == null) {
      token = tokens.issue(1L, "tester@example.com");
    }
    return request.header("Authorization", "Bearer " + token);
  }

  /** Posts {@code body} and checks the answer is 400 problem details naming {@code field}. */
  void assertInvalid(String url, String body, String field) throws Exception {
    post(url, body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
  }

  /** The id in a JSON answer. */
  static long id(ResultActions result) throws Exception {
    String body = result.andReturn().getResponse().getContentAsString();
    return ((Number) JsonPath.read(body, "$.id")).longValue();
  }

  /** The JSON answer as text. */
  static String text(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }

  /** {@code body} with {@code key} set to the JSON value {@code value}. */
  String with(String body, String key, String value) {
    ObjectNode node = (ObjectNode) json.readTree(body);
    node.set(key, json.readTree(value));
    return json.writeValueAsString(node);
  }

  /** {@code body} without {@code keys}. */
  String without(String body, String... keys) {
    ObjectNode node = (ObjectNode) json.readTree(body);
    for (String key : keys) {
      node.remove(key);
    }
    return json.writeValueAsString(node);
  }

  /** A value of {@code key} in a JSON answer. */
  JsonNode field(String body, String key) {
    return json.readTree(body).get(key);
  }

  private int next(String entity) {
    return counters.merge(entity, 1, Integer::sum) - 1;
  }

  private static String object(List<String> parts) {
    return parts.stream().filter(p -> !p.isEmpty()).collect(Collectors.joining(",", "{", "}"));
  }

  /** A valid Author body; its required parents are created first. */
  String bodyAuthor() throws Exception {
    int n = next("Author");
    List<String> parts = new ArrayList<>();
    parts.add(AUTHOR_BODIES[n % AUTHOR_BODIES.length]);
    return object(parts);
  }

  /** Creates a Author through the API and answers its id. */
  long createAuthor() throws Exception {
    return id(post("/api/authors", bodyAuthor()).andExpect(status().isCreated()));
  }

  /** A valid Book body; its required parents are created first. */
  String bodyBook() throws Exception {
    int n = next("Book");
    List<String> parts = new ArrayList<>();
    parts.add(BOOK_BODIES[n % BOOK_BODIES.length]);
    parts.add("\"authorId\":" + createAuthor());
    return object(parts);
  }

  /** Creates a Book through the API and answers its id. */
  long createBook() throws Exception {
    return id(post("/api/books", bodyBook()).andExpect(status().isCreated()));
  }
}
