package io.backforge.templates.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backforge.templates.sample.SampleValues;
import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import io.backforge.templates.spec.SpecJson;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.0.3 document of a generated project, built from the spec at generation time so it
 * describes exactly the routes, parameters, bodies and statuses the generated code answers. Both
 * stacks share it; where their code differs, {@link ApiConventions} says how. Built as a JSON tree
 * (free text is escaped by the JSON writer); same spec and conventions, same bytes.
 *
 * <p>Every error is declared as an RFC 9457 problem detail ({@code application/problem+json}) with
 * the invalid fields under {@code errors}. Optional values are {@code nullable}. Protected
 * operations carry the bearer scheme, public ones {@code security: []}.
 */
public final class OpenApiDocument {

  /** The media type of every error body. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String JSON = "application/json";
  private static final String BEARER = "bearerAuth";
  private static final Set<String> PAGING = Set.of("page", "size", "sort");
  private static final int DEFAULT_PAGE_SIZE = 20;
  private static final int MAX_PAGE_SIZE = 100;
  private static final Map<Integer, String> REASONS =
      Map.of(
          413, "The request body is larger than the server accepts",
          415, "The request body is not JSON");

  private final ProjectSpec spec;
  private final ApiConventions conventions;
  private final boolean jwt;
  private final boolean paginated;
  private final Set<String> operationIds = new HashSet<>();
  private final Set<String> schemaNames = new HashSet<>();
  private final Map<String, EntityNames> entityNames = new TreeMap<>();
  private String problem;
  private String fieldError;
  private String health;

  /** The component names of one entity's schemas. */
  private record EntityNames(String output, String input, String patch, String page) {}

  /** The document of {@code spec} as the stack described by {@code conventions} answers it. */
  public OpenApiDocument(ProjectSpec spec, ApiConventions conventions) {
    this.spec = spec;
    this.conventions = conventions;
    this.jwt = spec.features().auth() == Auth.JWT;
    this.paginated = spec.features().pagination();
  }

  /** The document as pretty-printed JSON with {@code \n} line ends. */
  public String json() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(document()) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode document() {
    operationIds.clear();
    schemaNames.clear();
    entityNames.clear();
    nameSchemas();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("openapi", "3.0.3");
    ObjectNode info = root.putObject("info");
    info.put("title", spec.name().kebab());
    info.put("version", "0.1.0");
    if (spec.description() != null) {
      info.put("description", spec.description());
    }
    root.putArray("servers").addObject().put("url", "/");
    ObjectNode paths = root.putObject("paths");
    ObjectNode schemas = MAPPER.createObjectNode();
    commonSchemas(schemas);
    healthPath(paths);
    if (spec.features().openapi()) {
      documentPath(paths);
    }
    if (jwt) {
      authPaths(paths, schemas);
    }
    for (EntitySpec entity : spec.entities()) {
      entityPaths(paths, entity);
      entitySchemas(schemas, entity);
    }
    paths.forEach(item -> item.forEach(OpenApiDocument::sortResponses));
    ObjectNode components = root.putObject("components");
    components.set("schemas", schemas);
    if (jwt) {
      ObjectNode bearer = components.putObject("securitySchemes").putObject(BEARER);
      bearer.put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
    }
    return root;
  }

  /**
   * Entity schemas keep the entity's name; a derived or shared name that an entity already uses
   * gets a number, so no two schemas collide whatever the entities are called.
   */
  private void nameSchemas() {
    for (EntitySpec entity : spec.entities()) {
      schemaNames.add(entity.name().pascal());
    }
    for (EntitySpec entity : spec.entities()) {
      String name = entity.name().pascal();
      entityNames.put(
          entity.name().value(),
          new EntityNames(
              name,
              unique(schemaNames, name + "Input"),
              unique(schemaNames, name + "Patch"),
              unique(schemaNames, name + "Page")));
    }
  }

  private void commonSchemas(ObjectNode schemas) {
    fieldError = unique(schemaNames, "FieldError");
    problem = unique(schemaNames, "Problem");
    health = unique(schemaNames, "Health");
    ObjectNode field = object(schemas.putObject(fieldError));
    field.put("description", "One invalid field of a request body or query string.");
    field.putArray("required").add("field").add("message");
    ObjectNode fieldProps = field.putObject("properties");
    fieldProps
        .putObject("field")
        .put("type", "string")
        .put("nullable", true)
        .put("description", "The JSON name of the field or query parameter");
    fieldProps.putObject("message").put("type", "string");

    ObjectNode details = object(schemas.putObject(problem));
    details.put("description", "An RFC 9457 problem detail.");
    details.putArray("required").add("title").add("status");
    ObjectNode props = details.putObject("properties");
    props
        .putObject("type")
        .put("type", "string")
        .put("format", "uri-reference")
        .put(
            "description",
            "A stable URI per kind of problem, such as /problems/not-found; about:blank (or left"
                + " out) for a plain HTTP error, whose title is the HTTP reason");
    props.putObject("title").put("type", "string").put("description", "Fixed per type");
    props.putObject("status").put("type", "integer").put("minimum", 400).put("maximum", 599);
    props.putObject("detail").put("type", "string").put("description", "For people");
    props.putObject("instance").put("type", "string").put("format", "uri-reference");
    ObjectNode errors = props.putObject("errors");
    errors.put("type", "array").put("description", "Every invalid field, when there are any");
    errors.set("items", ref(fieldError));

    ObjectNode up = object(schemas.putObject(health));
    up.putArray("required").add("status");
    ObjectNode healthProps = up.putObject("properties");
    ObjectNode status = healthProps.putObject("status").put("type", "string");
    ArrayNode values = status.putArray("enum");
    conventions.healthValues().forEach(values::add);
    if (conventions.healthListsGroups()) {
      ObjectNode groups = healthProps.putObject("groups").put("type", "array");
      groups.putObject("items").put("type", "string");
    }
  }

  private void healthPath(ObjectNode paths) {
    ObjectNode op =
        operation(paths.putObject(conventions.healthPath()), "get", "getHealth", "Liveness probe");
    op.putArray("security");
    healthContent(status(op, "200", "The service is up"));
    if (conventions.healthCanFail()) {
      healthContent(status(op, "503", "The service or its database is down"));
    }
    malformedRequest(op);
  }

  /** Responses in status order, successes first, whatever order the statuses were added in. */
  private static void sortResponses(JsonNode operation) {
    if (!(operation instanceof ObjectNode op) || !op.has("responses")) {
      return;
    }
    Map<String, JsonNode> sorted = new TreeMap<>();
    op.get("responses").properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
    ObjectNode responses = MAPPER.createObjectNode();
    sorted.forEach(responses::set);
    op.set("responses", responses);
  }

  private void healthContent(ObjectNode response) {
    ObjectNode content = response.putObject("content");
    for (String mediaType : conventions.healthMediaTypes()) {
      content.putObject(mediaType).set("schema", ref(health));
    }
  }

  private void documentPath(ObjectNode paths) {
    ObjectNode op =
        operation(
            paths.putObject(conventions.documentPath()),
            "get",
            "getOpenApiDocument",
            "This OpenAPI document");
    op.putArray("security");
    ObjectNode ok = status(op, "200", "The OpenAPI document");
    ok.putObject("content").putObject(JSON).putObject("schema").put("type", "object");
    malformedRequest(op);
  }

  /** No request to a parameterless GET reaches the app's own errors; the server may still. */
  private static void malformedRequest(ObjectNode op) {
    status(op, "4XX", "The HTTP server rejected a malformed request");
  }

  private void authPaths(ObjectNode paths, ObjectNode schemas) {
    String credentials = unique(schemaNames, "Credentials");
    String account = unique(schemaNames, "Account");
    String token = unique(schemaNames, "Token");
    ObjectNode input = object(schemas.putObject(credentials));
    input.putArray("required").add("email").add("password");
    closed(input);
    ObjectNode cp = input.putObject("properties");
    cp.putObject("email").put("type", "string").put("format", "email").put("maxLength", 255);
    cp.putObject("password")
        .put("type", "string")
        .put("minLength", 8)
        .put("maxLength", conventions.passwordMaxLength());
    ObjectNode registered = object(schemas.putObject(account));
    registered.putArray("required").add("id").add("email");
    ObjectNode ap = registered.putObject("properties");
    ap.putObject("id").put("type", "integer").put("format", "int64");
    ap.putObject("email").put("type", "string");
    ObjectNode issued = object(schemas.putObject(token));
    issued.putArray("required").add("accessToken").add("tokenType").add("expiresIn");
    ObjectNode tp = issued.putObject("properties");
    tp.putObject("accessToken").put("type", "string").put("description", "A JWT");
    tp.putObject("tokenType").put("type", "string").putArray("enum").add("Bearer");
    tp.putObject("expiresIn")
        .put("type", "integer")
        .put("format", "int64")
        .put("description", "Seconds until the token expires");

    ObjectNode register =
        operation(paths.putObject("/auth/register"), "post", "register", "Create an account");
    register.putArray("security");
    body(register, ref(credentials));
    json(register, "201", "The account", ref(account));
    problem(register, "400", "Invalid email or password");
    problem(register, "409", "Email already registered");
    bodyStatuses(register);
    ObjectNode login =
        operation(paths.putObject("/auth/login"), "post", "login", "Get an access token");
    login.putArray("security");
    body(login, ref(credentials));
    json(login, "200", "A bearer token", ref(token));
    problem(login, "400", "Invalid email or password");
    problem(login, "401", "Wrong email or password");
    bodyStatuses(login);
  }

  private void entityPaths(ObjectNode paths, EntitySpec entity) {
    EntityNames names = entityNames.get(entity.name().value());
    String name = entity.name().pascal();
    String plural = pascal(entity.name().kebabPlural());
    String base = "/api/" + entity.name().kebabPlural();
    String one = article(name) + " " + name;
    boolean unique =
        entity.fields().stream().anyMatch(FieldSpec::unique)
            || entity.relations().stream().anyMatch(RelationSpec::unique)
            || !entity.unique().isEmpty();
    boolean referenced = !pointingAt(entity).isEmpty();

    ObjectNode collection = paths.putObject(base);
    ObjectNode list =
        protectedOperation(collection, "get", "list" + plural, "List " + name + " rows");
    listParameters(list, entity);
    json(list, "200", "A page of rows", ref(names.page()));
    problem(list, "400", "Invalid query parameters");
    ObjectNode create = protectedOperation(collection, "post", "create" + name, "Create " + one);
    body(create, ref(names.input()));
    json(create, "201", "The created row", ref(names.output()));
    problem(create, "400", "Invalid request");
    if (unique) {
      problem(create, "409", "A unique value is already used");
    }
    bodyStatuses(create);

    ObjectNode item = paths.putObject(base + "/{id}");
    idParameter(item);
    ObjectNode get = protectedOperation(item, "get", "get" + name, "Read " + one);
    json(get, "200", "The row", ref(names.output()));
    missing(get);
    ObjectNode put = protectedOperation(item, "put", "replace" + name, "Replace " + one);
    body(put, ref(names.input()));
    json(put, "200", "The row", ref(names.output()));
    problem(put, "400", "Invalid request");
    missing(put);
    if (unique) {
      problem(put, "409", "A unique value is already used");
    }
    bodyStatuses(put);
    ObjectNode patch =
        protectedOperation(item, "patch", "update" + name, "Change fields of " + one);
    body(patch, ref(names.patch()));
    json(patch, "200", "The row", ref(names.output()));
    problem(patch, "400", "Invalid request");
    missing(patch);
    if (unique) {
      problem(patch, "409", "A unique value is already used");
    }
    bodyStatuses(patch);
    ObjectNode delete = protectedOperation(item, "delete", "delete" + name, "Delete " + one);
    status(delete, "204", "Deleted");
    missing(delete);
    if (referenced) {
      problem(delete, "409", "Other rows still refer to this one");
    }

    for (RelationSpec relation : entity.relations()) {
      if (relation.kind() == RelationKind.MANY_TO_ONE) {
        continue;
      }
      if (relation.kind() == RelationKind.ONE_TO_MANY && inverse(entity, relation).isEmpty()) {
        continue;
      }
      EntitySpec target = target(relation);
      ObjectNode related = paths.putObject(base + "/{id}/" + relation.name().kebab());
      idParameter(related);
      ObjectNode op =
          protectedOperation(
              related,
              "get",
              "list" + relation.name().pascal() + "Of" + name,
              "List the " + target.name().pascal() + " rows of " + one);
      listParameters(op, target);
      json(op, "200", "A page of rows", ref(entityNames.get(target.name().value()).page()));
      problem(op, "400", "Invalid query parameters");
      missing(op);
    }
  }

  /** 404 for an unknown id, and what a non-numeric id answers. */
  private void missing(ObjectNode op) {
    problem(op, "404", "No such row");
    if (conventions.malformedIdStatus() != 404) {
      problem(op, String.valueOf(conventions.malformedIdStatus()), "The id is not a number");
    }
  }

  private void bodyStatuses(ObjectNode op) {
    for (int status : conventions.bodyStatuses()) {
      problem(op, String.valueOf(status), REASONS.getOrDefault(status, "Request rejected"));
    }
  }

  private ObjectNode operation(ObjectNode path, String method, String id, String summary) {
    ObjectNode op = path.putObject(method);
    op.put("operationId", unique(operationIds, id));
    op.put("summary", summary);
    return op;
  }

  private ObjectNode protectedOperation(ObjectNode path, String method, String id, String summary) {
    ObjectNode op = operation(path, method, id, summary);
    ArrayNode security = op.putArray("security");
    if (jwt) {
      security.addObject().putArray(BEARER);
      problem(op, "401", "The bearer token is missing, invalid or expired");
    }
    return op;
  }

  private void listParameters(ObjectNode op, EntitySpec entity) {
    ArrayNode params = op.putArray("parameters");
    if (paginated) {
      query(params, "page", "Page number, from 1")
          .put("type", "integer")
          .put("format", "int32")
          .put("minimum", 1)
          .put("default", 1);
      query(params, "size", "Rows per page")
          .put("type", "integer")
          .put("format", "int32")
          .put("minimum", 1)
          .put("maximum", MAX_PAGE_SIZE)
          .put("default", DEFAULT_PAGE_SIZE);
    }
    List<String> sortable = new ArrayList<>();
    sortable.add("id");
    entity.fields().forEach(f -> sortable.add(f.name().value()));
    toOne(entity).forEach(r -> sortable.add(toOneKey(r)));
    sortable.add("createdAt");
    sortable.add("updatedAt");
    String keys = "(?:" + String.join("|", sortable) + ")";
    query(
            params,
            "sort",
            "Comma-separated keys, each optionally prefixed with - for descending: "
                + String.join(", ", sortable)
                + ". Default id.")
        .put("type", "string")
        .put("pattern", "^(?:-?" + keys + "(?:,-?" + keys + ")*)?$");
    query(params, "id", "Only the row with this id").put("type", "integer").put("format", "int64");
    for (FieldSpec field : entity.fields()) {
      String key = field.name().value();
      if (!PAGING.contains(key)) {
        filterSchema(query(params, key, filterText(field)), field.type());
      }
    }
    for (RelationSpec relation : toOne(entity)) {
      String key = toOneKey(relation);
      if (!PAGING.contains(key)) {
        query(params, key, "Only rows referring to this " + relation.target().pascal() + " id")
            .put("type", "integer")
            .put("format", "int64");
      }
    }
  }

  private static String filterText(FieldSpec field) {
    if (field.type() == FieldType.ENUM) {
      return "Only rows with this value (one of " + String.join(", ", field.values()) + ")";
    }
    return "Only rows with this value";
  }

  /** What the list endpoint accepts as a filter value: any value of the type, not the bounds. */
  private static void filterSchema(ObjectNode s, FieldType type) {
    switch (type) {
      case STRING, TEXT, ENUM -> s.put("type", "string");
      case INTEGER -> s.put("type", "integer").put("format", "int32");
      case LONG -> s.put("type", "integer").put("format", "int64");
      case DECIMAL -> s.put("type", "number");
      case BOOLEAN -> s.put("type", "boolean");
      case DATE -> s.put("type", "string").put("format", "date");
      case DATETIME -> s.put("type", "string").put("format", "date-time");
      case UUID -> s.put("type", "string").put("format", "uuid");
    }
  }

  private static ObjectNode query(ArrayNode params, String name, String description) {
    ObjectNode param = params.addObject();
    param.put("name", name).put("in", "query").put("required", false);
    param.put("description", description);
    return param.putObject("schema");
  }

  private static void idParameter(ObjectNode path) {
    ObjectNode param = path.putArray("parameters").addObject();
    param.put("name", "id").put("in", "path").put("required", true);
    param.putObject("schema").put("type", "integer").put("format", "int64");
  }

  private static void body(ObjectNode op, ObjectNode schema) {
    ObjectNode body = op.putObject("requestBody");
    body.put("required", true);
    body.putObject("content").putObject(JSON).set("schema", schema);
  }

  private static ObjectNode status(ObjectNode op, String status, String text) {
    ObjectNode responses =
        op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
    return responses.putObject(status).put("description", text);
  }

  /** A JSON answer; with it, 406 where the stack refuses an {@code Accept} header without JSON. */
  private void json(ObjectNode op, String status, String text, ObjectNode schema) {
    status(op, status, text).putObject("content").putObject(JSON).set("schema", schema);
    if (conventions.answersNotAcceptable()) {
      problem(op, "406", "The Accept header rules out application/json");
    }
  }

  private void problem(ObjectNode op, String status, String text) {
    status(op, status, text)
        .putObject("content")
        .putObject(PROBLEM_JSON)
        .set("schema", ref(problem));
  }

  private void entitySchemas(ObjectNode schemas, EntitySpec entity) {
    EntityNames names = entityNames.get(entity.name().value());
    ObjectNode output = object(schemas.putObject(names.output()));
    if (entity.description() != null) {
      output.put("description", entity.description());
    }
    ArrayNode outRequired = output.putArray("required");
    ObjectNode outProps = output.putObject("properties");
    outProps.putObject("id").put("type", "integer").put("format", "int64");
    outRequired.add("id");
    ObjectNode input = object(schemas.putObject(names.input()));
    closed(input);
    ArrayNode required = MAPPER.createArrayNode();
    ObjectNode inProps = input.putObject("properties");
    for (FieldSpec field : entity.fields()) {
      String key = field.name().value();
      outProps.set(key, outputSchema(field));
      outRequired.add(key);
      inProps.set(key, inputSchema(field));
      if (field.required()) {
        required.add(key);
      }
    }
    for (RelationSpec relation : toOne(entity)) {
      String key = toOneKey(relation);
      ObjectNode schema = MAPPER.createObjectNode().put("type", "integer").put("format", "int64");
      String target = relation.target().pascal();
      schema.put("description", "id of " + article(target) + " " + target);
      if (!relation.required()) {
        schema.put("nullable", true);
      }
      outProps.set(key, schema.deepCopy());
      outRequired.add(key);
      inProps.set(key, schema);
      if (relation.required()) {
        required.add(key);
      }
    }
    for (RelationSpec relation : ofKind(entity, RelationKind.MANY_TO_MANY)) {
      String key = relation.name().camel() + "Ids";
      ObjectNode schema = MAPPER.createObjectNode().put("type", "array");
      schema.putObject("items").put("type", "integer").put("format", "int64");
      schema.put("description", "ids of " + relation.target().pascal() + " rows");
      outProps.set(key, schema.deepCopy());
      outRequired.add(key);
      inProps.set(key, schema.put("nullable", true));
    }
    outProps.putObject("createdAt").put("type", "string").put("format", "date-time");
    outProps.putObject("updatedAt").put("type", "string").put("format", "date-time");
    outRequired.add("createdAt").add("updatedAt");
    if (!required.isEmpty()) {
      input.set("required", required);
    }
    ObjectNode patch = input.deepCopy();
    patch.remove("required");
    // An absent property keeps its value in a patch: a default applies to creates and replaces.
    patch.get("properties").forEach(property -> ((ObjectNode) property).remove("default"));
    patch.put("description", "Only the fields given change; the result must be valid as a whole.");
    schemas.set(names.patch(), patch);
    ObjectNode page = object(schemas.putObject(names.page()));
    ArrayNode pageRequired = page.putArray("required").add("items");
    ObjectNode pageProps = page.putObject("properties");
    pageProps.putObject("items").put("type", "array").set("items", ref(names.output()));
    if (paginated) {
      pageProps.putObject("page").put("type", "integer").put("format", "int32");
      pageProps.putObject("size").put("type", "integer").put("format", "int32");
      pageRequired.add("page").add("size");
    }
    pageProps
        .putObject("total")
        .put("type", "integer")
        .put("format", "int64")
        .put("description", "Rows matching the filters");
    pageRequired.add("total");
  }

  /** A field as the API returns it: its type, format and allowed values. */
  private ObjectNode outputSchema(FieldSpec field) {
    ObjectNode s = MAPPER.createObjectNode();
    if (field.type() == FieldType.DECIMAL && conventions.decimalsAsStrings()) {
      s.put("type", "string")
          .put("format", "decimal")
          .put("pattern", "^-?[0-9]+(\\.[0-9]+)?$")
          .put("description", describe(field, "An exact decimal, as a string"));
      return field.nullable() ? nullable(s) : s;
    }
    typed(s, field);
    if (field.description() != null) {
      s.put("description", field.description());
    }
    return field.nullable() ? nullable(s) : s;
  }

  /** A field as the API accepts it: its type and every constraint the app checks. */
  private static ObjectNode inputSchema(FieldSpec field) {
    return withDefault(
        field.type() == FieldType.DECIMAL ? decimalInput(field) : scalarInput(field), field);
  }

  /** The field's default, as the JSON value a request would send: what an absent property takes. */
  private static ObjectNode withDefault(ObjectNode s, FieldSpec field) {
    if (field.defaultValue() != null) {
      s.set("default", SpecJson.defaultValue(field));
    }
    return s;
  }

  private static ObjectNode scalarInput(FieldSpec field) {
    ObjectNode s = MAPPER.createObjectNode();
    typed(s, field);
    switch (field.type()) {
      case STRING, TEXT -> {
        if (field.minLength() != null) {
          s.put("minLength", field.minLength());
        }
        if (SampleValues.maxLength(field) != null) {
          s.put("maxLength", SampleValues.maxLength(field));
        }
        if (field.pattern() != null) {
          s.put("pattern", "^(?:" + field.pattern() + ")$");
        }
      }
      case INTEGER, LONG, DECIMAL -> {
        bound(s, "minimum", field.min());
        bound(s, "maximum", field.max());
      }
      default -> {}
    }
    if (field.description() != null) {
      s.put("description", field.description());
    }
    return nullable(s, field);
  }

  /**
   * Both stacks read a decimal from a JSON number or from a numeric string (the form Flask answers
   * with, so that a row read back can be sent again); the bounds hold for either.
   */
  private static ObjectNode decimalInput(FieldSpec field) {
    ObjectNode number = MAPPER.createObjectNode().put("type", "number");
    bound(number, "minimum", field.min());
    bound(number, "maximum", field.max());
    ObjectNode text =
        MAPPER.createObjectNode().put("type", "string").put("pattern", "^-?[0-9]+(\\.[0-9]+)?$");
    ObjectNode s = MAPPER.createObjectNode();
    ArrayNode anyOf = s.putArray("anyOf");
    anyOf.add(nullable(number, field));
    anyOf.add(nullable(text, field));
    s.put("description", describe(field, "An exact decimal, as a JSON number or a numeric string"));
    return s;
  }

  private static String describe(FieldSpec field, String what) {
    return field.description() == null ? what : field.description() + " (" + what + ")";
  }

  private static void typed(ObjectNode s, FieldSpec field) {
    switch (field.type()) {
      case STRING, TEXT -> s.put("type", "string");
      case INTEGER -> s.put("type", "integer").put("format", "int32");
      case LONG -> s.put("type", "integer").put("format", "int64");
      case DECIMAL -> s.put("type", "number");
      case BOOLEAN -> s.put("type", "boolean");
      case DATE -> s.put("type", "string").put("format", "date");
      case DATETIME -> s.put("type", "string").put("format", "date-time");
      case UUID -> s.put("type", "string").put("format", "uuid");
      case ENUM -> {
        s.put("type", "string");
        ArrayNode values = s.putArray("enum");
        field.values().forEach(values::add);
      }
    }
  }

  /**
   * An input that takes null when the field is not required (a defaulted field stores its default
   * for it).
   */
  private static ObjectNode nullable(ObjectNode s, FieldSpec field) {
    return field.required() ? s : nullable(s);
  }

  /** OpenAPI 3.0: {@code nullable}, and {@code null} among the values of a nullable enum. */
  private static ObjectNode nullable(ObjectNode s) {
    s.put("nullable", true);
    if (s.has("enum")) {
      ((ArrayNode) s.get("enum")).addNull();
    }
    return s;
  }

  private static void bound(ObjectNode s, String key, BigDecimal value) {
    if (value == null) {
      return;
    }
    BigDecimal plain = value.stripTrailingZeros();
    if (plain.scale() <= 0) {
      s.put(key, plain.toBigIntegerExact());
    } else {
      s.put(key, plain);
    }
  }

  /** A request body schema: closed when the app rejects keys it does not know. */
  private void closed(ObjectNode schema) {
    if (conventions.rejectsUnknownFields()) {
      schema.put("additionalProperties", false);
    }
  }

  private static ObjectNode object(ObjectNode schema) {
    return schema.put("type", "object");
  }

  private static ObjectNode ref(String name) {
    return MAPPER.createObjectNode().put("$ref", SCHEMAS + name);
  }

  private static String unique(Set<String> taken, String wanted) {
    String name = wanted;
    for (int n = 2; !taken.add(name); n++) {
      name = wanted + n;
    }
    return name;
  }

  // ---------------------------------------------------------------- relations

  private static String toOneKey(RelationSpec relation) {
    return relation.name().camel() + "Id";
  }

  private static List<RelationSpec> toOne(EntitySpec entity) {
    return ofKind(entity, RelationKind.MANY_TO_ONE);
  }

  private static List<RelationSpec> ofKind(EntitySpec entity, RelationKind kind) {
    return entity.relations().stream().filter(r -> r.kind() == kind).toList();
  }

  private List<RelationSpec> pointingAt(EntitySpec target) {
    List<RelationSpec> out = new ArrayList<>();
    for (EntitySpec owner : spec.entities()) {
      for (RelationSpec relation : toOne(owner)) {
        if (relation.target().equals(target.name())) {
          out.add(relation);
        }
      }
    }
    return out;
  }

  private EntitySpec target(RelationSpec relation) {
    return spec.entity(relation.target().value())
        .orElseThrow(() -> new IllegalArgumentException("unknown entity " + relation.target()));
  }

  /** The many-to-one on the target of {@code oneToMany} that points back at {@code owner}. */
  private Optional<RelationSpec> inverse(EntitySpec owner, RelationSpec oneToMany) {
    return toOne(target(oneToMany)).stream()
        .filter(r -> r.target().equals(owner.name()))
        .filter(r -> oneToMany.mappedBy() == null || r.name().equals(oneToMany.mappedBy()))
        .findFirst();
  }

  private static String pascal(String kebab) {
    StringBuilder out = new StringBuilder();
    for (String word : kebab.split("-")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  private static String article(String word) {
    return "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }
}
