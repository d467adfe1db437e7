package com.example.shop_backend.web;

import com.example.shop_backend.auth.TokenService;
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
          "customers",
          "products",
          "orders",
          "order_lines",
          "auth_accounts"
          );

  /** One batch: H2 stops checking references, every table is emptied, checking resumes. */
  private static final String[] EMPTY_EVERY_TABLE = emptyEveryTable();

  private static final String[] CUSTOMER_BODIES = {
      "\"email\":\"qzE-X\\\\s\\\"A_NCqkU)<ms!3Y\\\\rFU+u8Iqb2?$5qh*zaqOq;AC~(qAz\\\"0w{ZG,gUtoEC|QBn[u$&^ni=Ql}G9~J+9%bR]eMuhw@ebR5-a{4,B:TQmD%,_3W*}W=nHWe+bk,PD'F\\\"H9M\\\\56aPb.XA%p5DKq>#!+];#OQQu)>b3nlSP'zyP~r1Ry\",\"fullName\":\"fullName-0\",\"vip\":true",
      "\"email\":\"8_/eP[$2Y'q6@9kT|Z(iH8Uuis|ANZb!~61(14+gh3`V%\",\"fullName\":\"fullName-1\",\"vip\":false",
      "\"email\":\"tAVa/N9AS'`B8`xWby&[\\\\##M^Z/'\\\"%Adg(@_OU[Q>R[`Fm+6NV&5vD[LD=mHMwAV'C`;T*';Mm~0/c[uFWqi8mKh.}+\\\"#ye{Zyu{j!/&CO\\\\mawNZe'jp`='0ko+JAWZ<^0iM^{\",\"fullName\":\"fullName-2\",\"vip\":true",
      "\"email\":\",&-:T'.Rb<.NSCt3s%=j@SPWp5<\\\"6%s&oxX9tOK|`-\\\\/491^2NCxi,FU\\\\+EzCS>lZf|B4SF)'U$UQWI'hNic,s3#}j'->7oD+:wx98-$.X_\\\"Ej.bG:24$KW\",\"fullName\":\"fullName-3\",\"vip\":false"
  };

  private static final String[] PRODUCT_BODIES = {
      "\"sku\":\"sku-0\",\"name\":\"name-0\",\"price\":0.25,\"stock\":0,\"publicId\":\"00f1a691-8964-37e3-80bb-0bc05ee9a9d2\"",
      "\"sku\":\"sku-1\",\"name\":\"name-1\",\"price\":0,\"stock\":1,\"publicId\":\"d1490a15-0fd9-33ff-bb22-0f8bc441cc88\"",
      "\"sku\":\"sku-2\",\"name\":\"name-2\",\"price\":1.25,\"stock\":2,\"publicId\":\"818c8e53-1e92-3698-a3dd-ad478d69320f\"",
      "\"sku\":\"sku-3\",\"name\":\"name-3\",\"price\":1,\"stock\":3,\"publicId\":\"5794ac16-275c-3fa1-8cc4-68faff4d8678\""
  };

  private static final String[] ORDER_BODIES = {
      "\"placedAt\":\"2024-01-15T09:30:00Z\",\"status\":\"NEW\",\"note\":\"note-0\"",
      "\"placedAt\":\"2024-01-15T14:30:00Z\",\"status\":\"PAID\",\"note\":\"note-1\"",
      "\"placedAt\":\"2024-01-15T19:30:00Z\",\"status\":\"SHIPPED\",\"note\":\"note-2\"",
      "\"placedAt\":\"2024-01-16T00:30:00Z\",\"status\":\"CANCELLED\",\"note\":\"note-3\""
  };

  private static final String[] ORDER_LINE_BODIES = {
      "\"quantity\":1,\"unitPrice\":0.25",
      "\"quantity\":2,\"unitPrice\":0",
      "\"quantity\":3,\"unitPrice\":1.25",
      "\"quantity\":4,\"unitPrice\":1"
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

  /** A valid Customer body; its required parents are created first. */
  String bodyCustomer() throws Exception {
    int n = next("Customer");
    List<String> parts = new ArrayList<>();
    parts.add(CUSTOMER_BODIES[n % CUSTOMER_BODIES.length]);
    return object(parts);
  }

  /** Creates a Customer through the API and answers its id. */
  long createCustomer() throws Exception {
    return id(post("/api/customers", bodyCustomer()).andExpect(status().isCreated()));
  }

  /** A valid Product body; its required parents are created first. */
  String bodyProduct() throws Exception {
    int n = next("Product");
    List<String> parts = new ArrayList<>();
    parts.add(PRODUCT_BODIES[n % PRODUCT_BODIES.length]);
    return object(parts);
  }

  /** Creates a Product through the API and answers its id. */
  long createProduct() throws Exception {
    return id(post("/api/products", bodyProduct()).andExpect(status().isCreated()));
  }

  /** A valid Order body; its required parents are created first. */
  String bodyOrder() throws Exception {
    int n = next("Order");
    List<String> parts = new ArrayList<>();
    parts.add(ORDER_BODIES[n % ORDER_BODIES.length]);
    parts.add("\"customerId\":" + createCustomer());
    return object(parts);
  }

  /** Creates a Order through the API and answers its id. */
  long createOrder() throws Exception {
    return id(post("/api/orders", bodyOrder()).andExpect(status().isCreated()));
  }

  /** A valid OrderLine body; its required parents are created first. */
  String bodyOrderLine() throws Exception {
    int n = next("OrderLine");
    List<String> parts = new ArrayList<>();
    parts.add(ORDER_LINE_BODIES[n % ORDER_LINE_BODIES.length]);
    parts.add("\"orderId\":" + createOrder());
    parts.add("\"productId\":" + createProduct());
    return object(parts);
  }

  /** Creates a OrderLine through the API and answers its id. */
  long createOrderLine() throws Exception {
    return id(post("/api/order-lines", bodyOrderLine()).andExpect(status().isCreated()));
  }
}
