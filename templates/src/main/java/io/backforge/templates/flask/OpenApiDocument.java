package io.backforge.templates.flask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.0 document of a generated Flask project, built from the spec as a JSON tree (so
 * free text is escaped by the JSON writer) and shipped as {@code app/openapi.json}.
 */
final class OpenApiDocument {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SCHEMAS = "#/components/schemas/";

  private final ProjectSpec spec;
  private final Relations relations;
  private final boolean jwt;

  OpenApiDocument(ProjectSpec spec) {
    this.spec = spec;
    this.relations = new Relations(spec);
    this.jwt = spec.features().auth() == Auth.JWT;
  }

  /** The document as pretty-printed JSON with {@code \n} line ends. */
  String json() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(document()) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode document() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("openapi", "3.0.3");
    ObjectNode info = root.putObject("info");
    info.put("title", spec.name().kebab());
    info.put("version", "0.1.0");
    if (spec.description() != null) {
      info.put("description", spec.description());
    }
    ObjectNode paths = root.putObject("paths");
    ObjectNode schemas = MAPPER.createObjectNode();
    commonSchemas(schemas);
    ObjectNode health = paths.putObject("/health").putObject("get");
    health.put("summary", "Liveness probe");
    response(health, "200", "Up", ref("Health"));
    if (spec.features().openapi()) {
      ObjectNode doc = paths.putObject("/openapi.json").putObject("get");
      doc.put("summary", "This document");
      response(doc, "200", "OpenAPI document", MAPPER.createObjectNode().put("type", "object"));
    }
    if (jwt) {
      authPaths(paths);
    }
    for (EntitySpec entity : spec.entities()) {
      entityPaths(paths, entity);
      entitySchemas(schemas, entity);
    }
    ObjectNode components = root.putObject("components");
    components.set("schemas", schemas);
    if (jwt) {
      ObjectNode bearer = components.putObject("securitySchemes").putObject("bearerAuth");
      bearer.put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
    }
    return root;
  }

  private void commonSchemas(ObjectNode schemas) {
    ObjectNode health = object(schemas.putObject("Health"));
    health.putObject("properties").putObject("status").put("type", "string");
    ObjectNode fieldError = object(schemas.putObject("FieldError"));
    ObjectNode fieldProps = fieldError.putObject("properties");
    fieldProps.putObject("field").put("type", "string").put("nullable", true);
    fieldProps.putObject("message").put("type", "string");
    ObjectNode error = object(schemas.putObject("Error"));
    error.putArray("required").add("error").add("message").add("errors");
    ObjectNode props = error.putObject("properties");
    props.putObject("error").put("type", "string");
    props.putObject("message").put("type", "string");
    props.putObject("errors").put("type", "array").set("items", ref("FieldError"));
    if (jwt) {
      ObjectNode credentials = object(schemas.putObject("Credentials"));
      credentials.putArray("required").add("email").add("password");
      credentials.put("additionalProperties", false);
      ObjectNode cp = credentials.putObject("properties");
      cp.putObject("email").put("type", "string").put("format", "email");
      cp.putObject("password").put("type", "string").put("minLength", 8).put("maxLength", 200);
      ObjectNode account = object(schemas.putObject("Account"));
      ObjectNode ap = account.putObject("properties");
      ap.putObject("id").put("type", "integer");
      ap.putObject("email").put("type", "string");
      ObjectNode token = object(schemas.putObject("Token"));
      token.putObject("properties").putObject("accessToken").put("type", "string");
    }
  }

  private void authPaths(ObjectNode paths) {
    ObjectNode register = paths.putObject("/auth/register").putObject("post");
    register.put("summary", "Create an account");
    body(register, ref("Credentials"));
    response(register, "201", "Created", ref("Account"));
    response(register, "400", "Invalid request", ref("Error"));
    response(register, "409", "Email already registered", ref("Error"));
    ObjectNode login = paths.putObject("/auth/login").putObject("post");
    login.put("summary", "Get an access token");
    body(login, ref("Credentials"));
    response(login, "200", "Token", ref("Token"));
    response(login, "400", "Invalid request", ref("Error"));
    response(login, "401", "Wrong email or password", ref("Error"));
  }

  private void entityPaths(ObjectNode paths, EntitySpec entity) {
    String name = entity.name().pascal();
    String base = "/api/" + entity.name().kebabPlural();
    String one = FlaskModel.article(name) + " " + name;
    ObjectNode collection = paths.putObject(base);
    ObjectNode list = operation(collection, "get", "List " + name + " rows", name + "-list");
    listParameters(list, entity);
    response(list, "200", "A page of rows", ref(name + "Page"));
    response(list, "400", "Invalid query", ref("Error"));
    ObjectNode create = operation(collection, "post", "Create " + one, name + "-create");
    body(create, ref(name + "Input"));
    response(create, "201", "Created", ref(name));
    response(create, "400", "Invalid request", ref("Error"));
    response(create, "409", "Unique value already used", ref("Error"));

    ObjectNode item = paths.putObject(base + "/{id}");
    idParameter(item);
    ObjectNode get = operation(item, "get", "Read " + one, name + "-get");
    response(get, "200", "The row", ref(name));
    response(get, "404", "No such row", ref("Error"));
    ObjectNode put = operation(item, "put", "Replace " + one, name + "-replace");
    body(put, ref(name + "Input"));
    response(put, "200", "The row", ref(name));
    response(put, "400", "Invalid request", ref("Error"));
    response(put, "404", "No such row", ref("Error"));
    response(put, "409", "Unique value already used", ref("Error"));
    ObjectNode patch = operation(item, "patch", "Change fields of " + one, name + "-patch");
    body(patch, ref(name + "Patch"));
    response(patch, "200", "The row", ref(name));
    response(patch, "400", "Invalid request", ref("Error"));
    response(patch, "404", "No such row", ref("Error"));
    response(patch, "409", "Unique value already used", ref("Error"));
    ObjectNode delete = operation(item, "delete", "Delete " + one, name + "-delete");
    delete.putObject("responses").putObject("204").put("description", "Deleted");
    response(delete, "404", "No such row", ref("Error"));
    response(delete, "409", "Still referenced", ref("Error"));

    for (RelationSpec relation : entity.relations()) {
      if (relation.kind() == RelationKind.MANY_TO_ONE) {
        continue;
      }
      if (relation.kind() == RelationKind.ONE_TO_MANY
          && relations.inverse(entity, relation).isEmpty()) {
        continue;
      }
      String target = relation.target().pascal();
      ObjectNode related = paths.putObject(base + "/{id}/" + relation.name().kebab());
      idParameter(related);
      String summary = "List the " + target + " rows of " + one;
      ObjectNode op = operation(related, "get", summary, name + "-" + relation.name().kebab());
      listParameters(op, relations.target(relation));
      response(op, "200", "A page of rows", ref(target + "Page"));
      response(op, "404", "No such row", ref("Error"));
    }
  }

  private ObjectNode operation(ObjectNode path, String method, String summary, String id) {
    ObjectNode op = path.putObject(method);
    op.put("summary", summary);
    op.put("operationId", id);
    if (jwt) {
      op.putArray("security").addObject().putArray("bearerAuth");
      response(op, "401", "Missing or invalid token", ref("Error"));
    }
    return op;
  }

  private void listParameters(ObjectNode op, EntitySpec entity) {
    ArrayNode params = op.putArray("parameters");
    if (spec.features().pagination()) {
      query(params, "page", "Page number, from 1").put("type", "integer").put("minimum", 1);
      query(params, "size", "Page size")
          .put("type", "integer")
          .put("minimum", 1)
          .put("maximum", 100)
          .put("default", 20);
    }
    query(params, "sort", "A field name, or -name for descending; comma-separated")
        .put("type", "string");
    for (FieldSpec field : entity.fields()) {
      String key = field.name().value();
      if (!key.equals("page") && !key.equals("size") && !key.equals("sort")) {
        query(params, key, "Equality filter").put("type", "string");
      }
    }
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      query(params, FlaskModel.toOneKey(relation), "Equality filter").put("type", "integer");
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
    param.putObject("schema").put("type", "integer");
  }

  private static void body(ObjectNode op, ObjectNode schema) {
    ObjectNode body = op.putObject("requestBody");
    body.put("required", true);
    body.putObject("content").putObject("application/json").set("schema", schema);
  }

  private static void response(ObjectNode op, String status, String text, ObjectNode schema) {
    ObjectNode responses =
        op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
    ObjectNode response = responses.putObject(status);
    response.put("description", text);
    response.putObject("content").putObject("application/json").set("schema", schema);
  }

  private void entitySchemas(ObjectNode schemas, EntitySpec entity) {
    String name = entity.name().pascal();
    ObjectNode output = object(schemas.putObject(name));
    if (entity.description() != null) {
      output.put("description", entity.description());
    }
    ObjectNode outProps = output.putObject("properties");
    outProps.putObject("id").put("type", "integer");
    ObjectNode input = object(schemas.putObject(name + "Input"));
    input.put("additionalProperties", false);
    ArrayNode required = MAPPER.createArrayNode();
    ObjectNode inProps = input.putObject("properties");
    for (FieldSpec field : entity.fields()) {
      String key = field.name().value();
      outProps.set(key, fieldSchema(field, false));
      inProps.set(key, fieldSchema(field, true));
      if (field.required()) {
        required.add(key);
      }
    }
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      String key = FlaskModel.toOneKey(relation);
      ObjectNode schema = MAPPER.createObjectNode().put("type", "integer");
      schema.put(
          "description",
          "id of "
              + FlaskModel.article(relation.target().value())
              + " "
              + relation.target().pascal());
      schema.put("nullable", !relation.required());
      outProps.set(key, schema.deepCopy());
      inProps.set(key, schema);
      if (relation.required()) {
        required.add(key);
      }
    }
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_MANY)) {
      String key = FlaskModel.toManyKey(relation);
      ObjectNode schema = MAPPER.createObjectNode().put("type", "array");
      schema.putObject("items").put("type", "integer");
      schema.put("description", "ids of " + relation.target().pascal() + " rows");
      outProps.set(key, schema.deepCopy());
      inProps.set(key, schema.put("nullable", true));
    }
    outProps.putObject("createdAt").put("type", "string").put("format", "date-time");
    outProps.putObject("updatedAt").put("type", "string").put("format", "date-time");
    if (!required.isEmpty()) {
      input.set("required", required);
    }
    ObjectNode patch = input.deepCopy();
    patch.remove("required");
    schemas.set(name + "Patch", patch);
    ObjectNode page = object(schemas.putObject(name + "Page"));
    ObjectNode pageProps = page.putObject("properties");
    pageProps.putObject("items").put("type", "array").set("items", ref(name));
    if (spec.features().pagination()) {
      pageProps.putObject("page").put("type", "integer");
      pageProps.putObject("size").put("type", "integer");
    }
    pageProps.putObject("total").put("type", "integer");
  }

  private static ObjectNode fieldSchema(FieldSpec field, boolean input) {
    ObjectNode s = MAPPER.createObjectNode();
    switch (field.type()) {
      case STRING, TEXT -> {
        s.put("type", "string");
        if (field.minLength() != null) {
          s.put("minLength", field.minLength());
        }
        if (SampleValues.maxLength(field) != null) {
          s.put("maxLength", SampleValues.maxLength(field));
        }
        if (field.pattern() != null) {
          s.put("pattern", field.pattern());
        }
      }
      case INTEGER, LONG -> {
        s.put("type", "integer")
            .put("format", field.type().json().equals("long") ? "int64" : "int32");
        bounds(s, field);
      }
      case DECIMAL -> {
        s.put("type", input ? "number" : "string").put("format", "decimal");
        if (input) {
          bounds(s, field);
        }
        s.put("description", "Exact decimal; returned as a string, accepted as number or string");
      }
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
    if (field.description() != null) {
      s.put("description", field.description());
    }
    if (!field.required()) {
      s.put("nullable", true);
    }
    return s;
  }

  private static void bounds(ObjectNode s, FieldSpec field) {
    if (field.min() != null) {
      s.put("minimum", field.min());
    }
    if (field.max() != null) {
      s.put("maximum", field.max());
    }
  }

  private static ObjectNode object(ObjectNode schema) {
    return schema.put("type", "object");
  }

  private static ObjectNode ref(String name) {
    return MAPPER.createObjectNode().put("$ref", SCHEMAS + name);
  }
}
