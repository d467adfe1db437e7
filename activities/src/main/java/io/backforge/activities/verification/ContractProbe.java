package io.backforge.activities.verification;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backforge.templates.generate.GeneratedApi;
import io.backforge.templates.sample.SampleValues;
import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exercises every operation of a generated project's OpenAPI document against the running app and
 * validates each request and response against the document (swagger-request-validator). Per entity,
 * parents before children: two creates, a read, a replace, a patch, a sorted page of the list, the
 * related lists, a constraint violation (400) and a missing row (404); then deletes in reverse
 * order, each followed by a read (404). With {@code auth: jwt} first a request without a token
 * (401), then register and login for the token of the rest. Request bodies come from the spec's
 * sample values, the ones the generated tests use. Deliberately invalid requests are not validated
 * themselves, only their responses. A response whose status is not what the request asked for
 * counts as a violation too; operations it could not exercise are listed.
 */
final class ContractProbe {

  /** A response that broke the document, or a status other than the one asked for. */
  record Violation(String operation, int status, String message) {

    @Override
    public String toString() {
      return operation + " answered " + status + ": " + message;
    }
  }

  /**
   * What the probe found.
   *
   * @param checked responses validated against the document
   * @param violations what broke it, in order
   * @param unexercised documented operations ({@code METHOD /path}) it did not call
   */
  record Outcome(
      int checked, List<Violation> violations, List<String> unexercised, int documented) {}

  /** The transport to the app under test. */
  interface Transport {
    LiveApp.Response send(LiveApp.Request request) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final String EMAIL = "contract-check@example.com";
  private static final String PASSWORD = "contract-check-password";
  private static final String MISSING_ID = "999999";
  private static final int SAMPLES = 8;

  private final ProjectSpec spec;
  private final JsonNode document;
  private final OpenApiInteractionValidator validator;
  private final String basePath;
  private Transport app;

  /** Documented operations, {@code METHOD template} to its label, in document order. */
  private final Map<String, String> operations = new LinkedHashMap<>();

  private final Set<String> exercised = new LinkedHashSet<>();
  private final List<Violation> violations = new ArrayList<>();
  private final Map<String, List<Long>> created = new HashMap<>();
  private int checked;
  private long validationNanos;
  private String token;

  /** Reads {@code document}; the slow part, so it may run while the app starts. */
  ContractProbe(ProjectSpec spec, String document) throws IOException {
    this.spec = spec;
    this.document = JSON.readTree(document);
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    this.basePath = basePath(this.document);
    JsonNode paths = this.document.path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
          String id = op.getValue().path("operationId").asText("");
          operations.put(key, id.isEmpty() ? key : key + " (" + id + ")");
        }
      }
    }
  }

  /** How long validating the exchanges took so far, in milliseconds. */
  long validationMillis() {
    return validationNanos / 1_000_000;
  }

  /** Runs every exchange with the app; stops early only when the app stops answering. */
  Outcome run(Transport app) throws IOException {
    this.app = app;
    if (spec.features().auth() == Auth.JWT) {
      authenticate();
    }
    List<EntitySpec> order = creationOrder();
    for (EntitySpec entity : order) {
      exercise(entity);
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      deleteRows(order.get(i));
    }
    for (String key : operations.keySet()) {
      String[] parts = key.split(" ", 2);
      if (!exercised.contains(key) && parts[0].equals("GET") && !parts[1].contains("{")) {
        call("GET", parts[1], parts[1], Map.of(), null, Expect.SUCCESS);
      }
    }
    List<String> unexercised =
        operations.keySet().stream().filter(k -> !exercised.contains(k)).toList();
    return new Outcome(checked, List.copyOf(violations), unexercised, operations.size());
  }

  private void authenticate() throws IOException {
    String protectedList =
        spec.entities().isEmpty() ? null : GeneratedApi.collectionPath(spec.entities().get(0));
    if (protectedList != null && operations.containsKey("GET " + protectedList)) {
      call("GET", protectedList, protectedList, Map.of(), null, Expect.UNAUTHORIZED);
    }
    ObjectNode credentials = NODES.objectNode().put("email", EMAIL).put("password", PASSWORD);
    String register = GeneratedApi.REGISTER_PATH;
    String login = GeneratedApi.LOGIN_PATH;
    call("POST", register, register, Map.of(), credentials, Expect.SUCCESS);
    if (operations.containsKey("POST " + register)) {
      call("POST", register, register, Map.of(), credentials, Expect.CONFLICT);
    }
    if (operations.containsKey("POST " + login)) {
      ObjectNode wrong = credentials.deepCopy().put("password", PASSWORD + "-wrong");
      call("POST", login, login, Map.of(), wrong, Expect.UNAUTHORIZED);
    }
    JsonNode answer = call("POST", login, login, Map.of(), credentials, Expect.SUCCESS);
    if (answer != null && answer.path(GeneratedApi.TOKEN_KEY).isTextual()) {
      token = answer.path(GeneratedApi.TOKEN_KEY).asText();
    }
  }

  private void exercise(EntitySpec entity) throws IOException {
    String base = GeneratedApi.collectionPath(entity);
    String item = itemTemplate(base);
    if (!operations.containsKey("POST " + base)) {
      return;
    }
    ObjectNode first = body(entity, 0);
    if (first == null) {
      return;
    }
    List<Long> ids = new ArrayList<>();
    for (int row = 0; row < 2; row++) {
      JsonNode answer =
          call("POST", base, base, Map.of(), row == 0 ? first : body(entity, 1), Expect.SUCCESS);
      if (answer != null && answer.path("id").canConvertToLong()) {
        ids.add(answer.path("id").asLong());
      }
    }
    created.put(entity.name().value(), ids);
    invalidCreate(entity, base);
    if (item != null) {
      call("GET", item, concrete(item, MISSING_ID), Map.of(), null, Expect.NOT_FOUND);
    }
    if (ids.isEmpty() || item == null) {
      return;
    }
    String one = concrete(item, Long.toString(ids.get(0)));
    call("GET", item, one, Map.of(), null, Expect.SUCCESS);
    if (operations.containsKey("PUT " + item)) {
      call("PUT", item, one, Map.of(), body(entity, 2), Expect.SUCCESS);
    }
    if (operations.containsKey("PATCH " + item)) {
      ObjectNode change = body(entity, 3);
      ObjectNode patch = NODES.objectNode();
      if (change != null && change.size() > 0) {
        String key = change.fieldNames().next();
        patch.set(key, change.get(key));
      }
      call("PATCH", item, one, Map.of(), patch, Expect.SUCCESS);
    }
    if (operations.containsKey("GET " + base)) {
      call("GET", base, base, listQuery("GET " + base), null, Expect.SUCCESS);
    }
    Pattern related = Pattern.compile(Pattern.quote(item) + "/[^/{}]+");
    for (String key : List.copyOf(operations.keySet())) {
      String[] parts = key.split(" ", 2);
      if (parts[0].equals("GET") && related.matcher(parts[1]).matches()) {
        call(
            "GET",
            parts[1],
            concrete(parts[1], Long.toString(ids.get(0))),
            Map.of(),
            null,
            Expect.SUCCESS);
      }
    }
  }

  private void invalidCreate(EntitySpec entity, String base) throws IOException {
    ObjectNode body = body(entity, 4);
    if (body == null) {
      return;
    }
    SampleValues.Violation chosen = null;
    String key = null;
    for (FieldSpec field : entity.fields()) {
      for (SampleValues.Violation violation : GeneratedApi.violations(entity, field)) {
        if (chosen == null || (chosen.rule().equals("type") && !violation.rule().equals("type"))) {
          chosen = violation;
          key = field.name().value();
        }
      }
    }
    JsonNode invalid;
    if (chosen != null) {
      invalid = body.set(key, JSON.valueToTree(chosen.value()));
    } else {
      invalid = NODES.arrayNode();
    }
    call("POST", base, base, Map.of(), invalid, Expect.BAD_REQUEST);
  }

  private void deleteRows(EntitySpec entity) throws IOException {
    String item = itemTemplate(GeneratedApi.collectionPath(entity));
    List<Long> ids = created.getOrDefault(entity.name().value(), List.of());
    if (item == null || !operations.containsKey("DELETE " + item)) {
      return;
    }
    for (int i = ids.size() - 1; i >= 0; i--) {
      String one = concrete(item, Long.toString(ids.get(i)));
      call("DELETE", item, one, Map.of(), null, Expect.SUCCESS);
      if (i == 0 && operations.containsKey("GET " + item)) {
        call("GET", item, one, Map.of(), null, Expect.NOT_FOUND);
      }
    }
  }

  /**
   * A valid body for {@code entity} with the {@code row}th samples; {@code null} if none can be.
   */
  private ObjectNode body(EntitySpec entity, int row) {
    ObjectNode body = NODES.objectNode();
    for (FieldSpec field : entity.fields()) {
      List<Object> samples = GeneratedApi.samples(entity, field, SAMPLES);
      if (samples.isEmpty()) {
        if (field.required()) {
          return null;
        }
        continue;
      }
      body.set(field.name().value(), node(field, samples.get(row % samples.size())));
    }
    for (RelationSpec relation : entity.relations()) {
      List<Long> targets = created.get(relation.target().value());
      boolean available =
          targets != null && !targets.isEmpty() && !relation.target().equals(entity.name());
      if (relation.kind() == RelationKind.MANY_TO_ONE) {
        Long target = available ? target(entity, relation, targets, row) : null;
        if (target != null) {
          body.put(GeneratedApi.toOneKey(relation), target);
        } else if (relation.required()) {
          return null;
        }
      } else if (relation.kind() == RelationKind.MANY_TO_MANY && available) {
        ArrayNode ids = body.putArray(GeneratedApi.toManyKey(relation));
        ids.add(targets.get(0));
      }
    }
    return body;
  }

  /**
   * The target row the {@code row}th body links to: the first, or one per row where a row may not
   * share its target (a one-to-one) or its combination (a member of a unique group); {@code null}
   * when a one-to-one has no target left for this row.
   */
  private static Long target(
      EntitySpec entity, RelationSpec relation, List<Long> targets, int row) {
    if (relation.unique()) {
      return row < targets.size() ? targets.get(row) : null;
    }
    boolean grouped =
        entity.unique().stream().anyMatch(group -> group.members().contains(relation.name()));
    return targets.get(grouped ? row % targets.size() : 0);
  }

  private static JsonNode node(FieldSpec field, Object value) {
    if (field.type() == FieldType.DECIMAL && value instanceof String text) {
      return NODES.numberNode(new BigDecimal(text));
    }
    if (value instanceof BigInteger number) {
      return NODES.numberNode(number);
    }
    return JSON.valueToTree(value);
  }

  /** Entities with required references after their targets; those in a cycle are left out. */
  private List<EntitySpec> creationOrder() {
    List<EntitySpec> out = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (EntitySpec entity : spec.entities()) {
        if (placed.contains(entity.name().value())) {
          continue;
        }
        boolean ready =
            entity.relations().stream()
                .filter(r -> r.kind() == RelationKind.MANY_TO_ONE && r.required())
                .allMatch(r -> placed.contains(r.target().value()));
        if (ready) {
          out.add(entity);
          placed.add(entity.name().value());
          progress = true;
        }
      }
    }
    return out;
  }

  private Map<String, String> listQuery(String operation) {
    Set<String> documented = new LinkedHashSet<>();
    String[] parts = operation.split(" ", 2);
    JsonNode op = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
    for (JsonNode parameter : op.path("parameters")) {
      documented.add(parameter.path("name").asText());
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (documented.contains("page")) {
      query.put("page", "1");
    }
    if (documented.contains("size")) {
      query.put("size", "2");
    }
    if (documented.contains("sort")) {
      query.put("sort", "-id");
    }
    return query;
  }

  private String itemTemplate(String base) {
    Pattern item = Pattern.compile(Pattern.quote(base) + "/\\{[^/}]+\\}");
    return operations.keySet().stream()
        .map(k -> k.split(" ", 2)[1])
        .filter(p -> item.matcher(p).matches())
        .findFirst()
        .orElse(null);
  }

  private static String concrete(String template, String id) {
    return template.replaceFirst("\\{[^/}]+\\}", id);
  }

  /** What a request asks for: any success, or one error status. */
  private enum Expect {
    SUCCESS(0),
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    NOT_FOUND(404),
    CONFLICT(409);

    final int status;

    Expect(int status) {
      this.status = status;
    }

    boolean met(int actual) {
      return this == SUCCESS ? actual >= 200 && actual < 300 : actual == status;
    }

    /** Whether the request is valid by the document, so that it is validated too. */
    boolean validRequest() {
      return this != BAD_REQUEST && this != UNAUTHORIZED;
    }
  }

  /**
   * Sends one request, validates it and its response, and returns the response's JSON body (or
   * {@code null}). {@code path} is relative to the document's server.
   */
  private JsonNode call(
      String method,
      String template,
      String path,
      Map<String, String> query,
      JsonNode body,
      Expect expect)
      throws IOException {
    String key = method + " " + template;
    boolean documented = operations.containsKey(key);
    if (expect != Expect.UNAUTHORIZED || !method.equals("GET")) {
      exercised.add(key);
    }
    String label = operations.getOrDefault(key, key);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json, application/problem+json");
    boolean withToken = token != null && expect != Expect.UNAUTHORIZED;
    if (withToken) {
      headers.put("Authorization", "Bearer " + token);
    }
    byte[] bytes = null;
    if (body != null) {
      headers.put("Content-Type", "application/json");
      bytes = JSON.writeValueAsBytes(body);
    }
    StringBuilder target = new StringBuilder(basePath + path);
    if (!query.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      query.forEach(
          (k, v) ->
              pairs.add(
                  URLEncoder.encode(k, StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(v, StandardCharsets.UTF_8)));
      target.append('?').append(String.join("&", pairs));
    }
    LiveApp.Response response =
        app.send(new LiveApp.Request(method, target.toString(), headers, bytes));
    if (!documented) {
      return json(response);
    }
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, basePath + path);
    headers.forEach(request::withHeader);
    query.forEach(request::withQueryParam);
    if (bytes != null) {
      request.withBody(bytes);
    }
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
    response.headers().forEach(answer::withHeader);
    if (response.body().length > 0) {
      answer.withBody(response.body());
    }
    long validating = System.nanoTime();
    ValidationReport report =
        expect.validRequest()
            ? validator.validate(request.build(), answer.build())
            : validator.validateResponse(
                basePath + path, Request.Method.valueOf(method), answer.build());
    validationNanos += System.nanoTime() - validating;
    checked++;
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        violations.add(new Violation(label, response.status(), oneLine(message)));
      }
    }
    if (!expect.met(response.status())) {
      String asked = expect == Expect.SUCCESS ? "a success (2xx)" : Integer.toString(expect.status);
      violations.add(
          new Violation(
              label,
              response.status(),
              "expected " + asked + "; the body was " + preview(response.text())));
    }
    return json(response);
  }

  private static JsonNode json(LiveApp.Response response) {
    String contentType = response.header("content-type");
    if (response.body().length == 0 || contentType == null || !contentType.contains("json")) {
      return null;
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return null;
    }
  }

  private static String oneLine(ValidationReport.Message message) {
    return ("[" + message.getKey() + "] " + message.getMessage()).replaceAll("\\s+", " ");
  }

  private static String preview(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }

  /** The path of the document's first server URL, without a trailing slash; usually empty. */
  private static String basePath(JsonNode document) {
    JsonNode servers = document.path("servers");
    if (!servers.isArray() || servers.isEmpty()) {
      return "";
    }
    try {
      String path = URI.create(servers.get(0).path("url").asText("/")).getPath();
      if (path == null) {
        return "";
      }
      return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
