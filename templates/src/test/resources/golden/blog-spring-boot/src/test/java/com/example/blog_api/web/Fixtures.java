package com.example.blog_api.web;

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
          "categories",
          "tags",
          "posts",
          "post_tags",
          "comments"
          );

  /** One batch: H2 stops checking references, every table is emptied, checking resumes. */
  private static final String[] EMPTY_EVERY_TABLE = emptyEveryTable();

  private static final String[] CATEGORY_BODIES = {
      "\"title\":\"title-0\"",
      "\"title\":\"title-1\"",
      "\"title\":\"title-2\"",
      "\"title\":\"title-3\""
  };

  private static final String[] TAG_BODIES = {
      "\"label\":\"label-0\"",
      "\"label\":\"label-1\"",
      "\"label\":\"label-2\"",
      "\"label\":\"label-3\""
  };

  private static final String[] POST_BODIES = {
      "\"title\":\"title-0\",\"body\":\"body-0\",\"publishedAt\":\"2024-01-15T09:30:00Z\",\"views\":0",
      "\"title\":\"title-1\",\"body\":\"body-1\",\"publishedAt\":\"2024-01-15T14:30:00Z\",\"views\":1",
      "\"title\":\"title-2\",\"body\":\"body-2\",\"publishedAt\":\"2024-01-15T19:30:00Z\",\"views\":2",
      "\"title\":\"title-3\",\"body\":\"body-3\",\"publishedAt\":\"2024-01-16T00:30:00Z\",\"views\":3"
  };

  private static final String[] COMMENT_BODIES = {
      "\"author\":\"author-0\",\"text\":\"text-0\"",
      "\"author\":\"author-1\",\"text\":\"text-1\"",
      "\"author\":\"author-2\",\"text\":\"text-2\"",
      "\"author\":\"author-3\",\"text\":\"text-3\""
  };

  private final MockMvc mvc;
  private final JdbcTemplate jdbc;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Integer> counters = new HashMap<>();

  Fixtures(MockMvc mvc, JdbcTemplate jdbc) {
    this.mvc = mvc;
    this.jdbc = jdbc;
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
    return request;
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

  /** A valid Category body; its required parents are created first. */
  String bodyCategory() throws Exception {
    int n = next("Category");
    List<String> parts = new ArrayList<>();
    parts.add(CATEGORY_BODIES[n % CATEGORY_BODIES.length]);
    return object(parts);
  }

  /** Creates a Category through the API and answers its id. */
  long createCategory() throws Exception {
    return id(post("/api/categories", bodyCategory()).andExpect(status().isCreated()));
  }

  /** A valid Tag body; its required parents are created first. */
  String bodyTag() throws Exception {
    int n = next("Tag");
    List<String> parts = new ArrayList<>();
    parts.add(TAG_BODIES[n % TAG_BODIES.length]);
    return object(parts);
  }

  /** Creates a Tag through the API and answers its id. */
  long createTag() throws Exception {
    return id(post("/api/tags", bodyTag()).andExpect(status().isCreated()));
  }

  /** A valid Post body; its required parents are created first. */
  String bodyPost() throws Exception {
    int n = next("Post");
    List<String> parts = new ArrayList<>();
    parts.add(POST_BODIES[n % POST_BODIES.length]);
    return object(parts);
  }

  /** Creates a Post through the API and answers its id. */
  long createPost() throws Exception {
    return id(post("/api/posts", bodyPost()).andExpect(status().isCreated()));
  }

  /** A valid Comment body; its required parents are created first. */
  String bodyComment() throws Exception {
    int n = next("Comment");
    List<String> parts = new ArrayList<>();
    parts.add(COMMENT_BODIES[n % COMMENT_BODIES.length]);
    parts.add("\"postId\":" + createPost());
    return object(parts);
  }

  /** Creates a Comment through the API and answers its id. */
  long createComment() throws Exception {
    return id(post("/api/comments", bodyComment()).andExpect(status().isCreated()));
  }
}
