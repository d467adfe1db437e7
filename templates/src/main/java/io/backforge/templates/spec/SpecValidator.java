package io.backforge.templates.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses and validates specs, collecting every problem: each comes with a JSON pointer to where it
 * is and says what to change. Only a spec without problems becomes a {@link ProjectSpec}. A JSON
 * {@code null} counts as an absent optional property. Thread-safe.
 */
public final class SpecValidator {

  static final List<String> PROPERTIES =
      List.of("name", "description", "stack", "database", "entities", "features", "ai", "verify");
  static final List<String> FEATURE_PROPERTIES =
      List.of("auth", "pagination", "openapi", "docker", "tests");
  static final List<String> AI_PROPERTIES = List.of("enrich", "instructions");

  private static final ObjectMapper MAPPER = mapper();

  private static ObjectMapper mapper() {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(Limits.MAX_NESTING_DEPTH)
            .maxNumberLength(Limits.MAX_NUMBER_LENGTH)
            .maxStringLength(Limits.MAX_SPEC_BYTES)
            .maxNameLength(Limits.MAX_SPEC_BYTES)
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }

  /**
   * Parses {@code json} (UTF-8) and validates it. Never throws for bad input: a document larger
   * than {@link Limits#MAX_SPEC_BYTES}, nested deeper than {@link Limits#MAX_NESTING_DEPTH} or not
   * well-formed JSON gives one problem at the document ({@code ""}).
   */
  public ValidationResult validate(byte[] json) {
    if (json == null || json.length == 0) {
      return invalid("the document is empty; send a spec as a JSON object");
    }
    if (json.length > Limits.MAX_SPEC_BYTES) {
      return invalid(
          "the document has "
              + json.length
              + " bytes; a spec may have at most "
              + Limits.MAX_SPEC_BYTES
              + " bytes, remove entities or shorten descriptions");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (StreamConstraintsException e) {
      return invalid(exceeded(e));
    } catch (JsonProcessingException e) {
      return invalid(malformed(e));
    } catch (IOException e) {
      return invalid("the document cannot be read as JSON; send a UTF-8 JSON object");
    }
    return validate(root);
  }

  /** Validates an already parsed spec. Never throws for bad input. */
  public ValidationResult validate(JsonNode json) {
    Problems problems = new Problems();
    ProjectSpec spec = new Reader(problems).read(json);
    return problems.isEmpty()
        ? new ValidationResult(spec, List.of())
        : new ValidationResult(null, problems.inDocumentOrder(json));
  }

  private static ValidationResult invalid(String message) {
    return new ValidationResult(null, List.of(new SpecError("", message)));
  }

  private static String exceeded(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("nesting depth")) {
      return "the document nests arrays and objects more than "
          + Limits.MAX_NESTING_DEPTH
          + " levels deep; a spec needs six, so check the brackets";
    }
    if (message.contains("Number value length")) {
      return "the document has a number longer than "
          + Limits.MAX_NUMBER_LENGTH
          + " characters; write it with fewer digits";
    }
    return "the document exceeds a parser limit; make it smaller";
  }

  private static String malformed(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    String reason = e.getOriginalMessage().lines().findFirst().orElse("").strip();
    return "the document is not well-formed JSON"
        + where
        + ": "
        + Text.clip(reason.length() > 200 ? reason.substring(0, 200) : reason)
        + "; fix the syntax";
  }

  /** One validation run over a parsed document. */
  private static final class Reader {
    private final Problems problems;

    Reader(Problems problems) {
      this.problems = problems;
    }

    ProjectSpec read(JsonNode root) {
      JsonObject json = JsonObject.read(root, Pointer.ROOT, problems, "the spec", PROPERTIES);
      if (json == null) {
        return null;
      }
      Identifier name = name(json);
      String description = json.text("description", Limits.MAX_DESCRIPTION_LENGTH);
      Stack stack = choice(json, "stack", "stack", Stack.values(), Stack::json, Stack::fromJson);
      Database database =
          choice(
              json, "database", "database", Database.values(), Database::json, Database::fromJson);
      List<EntitySpec> entities = entities(json);
      Features features = features(json);
      AiOptions ai = ai(json);
      Boolean verify = json.bool("verify");
      if (problems.isEmpty()) {
        new CrossChecks(entities, database, stack, problems).check();
      }
      return problems.isEmpty()
          ? new ProjectSpec(name, description, stack, database, entities, features, ai, verify)
          : null;
    }

    private Identifier name(JsonObject json) {
      if (!json.require("name", "give the project a kebab-case name such as 'library-service'")) {
        return null;
      }
      String raw = json.string("name");
      return raw == null ? null : Names.PROJECT.check(raw, json.at("name"), problems);
    }

    private <T> T choice(
        JsonObject json,
        String key,
        String what,
        T[] values,
        Function<T, String> spelling,
        Function<String, T> parse) {
      String known = Arrays.stream(values).map(spelling).collect(Collectors.joining(", "));
      if (!json.require(key, "use one of: " + known)) {
        return null;
      }
      String raw = json.string(key);
      if (raw == null) {
        return null;
      }
      T value = parse.apply(raw);
      if (value == null) {
        problems.add(
            json.at(key), "unknown " + what + " '" + Text.clip(raw) + "'; use one of: " + known);
      }
      return value;
    }

    private List<EntitySpec> entities(JsonObject json) {
      if (!json.require("entities", "list the entities of the project")) {
        return List.of();
      }
      ArrayNode array = json.array("entities");
      if (array == null) {
        return List.of();
      }
      if (array.isEmpty() || array.size() > Limits.MAX_ENTITIES) {
        problems.add(
            json.at("entities"),
            "has "
                + array.size()
                + " entities; a spec needs 1 to "
                + Limits.MAX_ENTITIES
                + (array.isEmpty() ? ", add one" : ", split the project"));
        return List.of();
      }
      List<EntityDraft> drafts = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        EntityDraft draft = EntityReader.read(array.get(i), json.at("entities").at(i), problems);
        if (draft != null) {
          drafts.add(draft);
        }
      }
      return new EntityLinker(drafts, problems).link();
    }

    private Features features(JsonObject spec) {
      Features defaults = Features.defaults();
      if (!spec.has("features")) {
        return defaults;
      }
      JsonObject json =
          JsonObject.read(
              spec.value("features"),
              spec.at("features"),
              problems,
              "'features'",
              FEATURE_PROPERTIES);
      if (json == null) {
        return defaults;
      }
      Auth auth =
          json.has("auth")
              ? choice(json, "auth", "auth scheme", Auth.values(), Auth::json, Auth::fromJson)
              : defaults.auth();
      return new Features(
          auth,
          json.bool("pagination", defaults.pagination()),
          json.bool("openapi", defaults.openapi()),
          json.bool("docker", defaults.docker()),
          json.bool("tests", defaults.tests()));
    }

    private AiOptions ai(JsonObject spec) {
      if (!spec.has("ai")) {
        return AiOptions.none();
      }
      JsonObject json =
          JsonObject.read(spec.value("ai"), spec.at("ai"), problems, "'ai'", AI_PROPERTIES);
      if (json == null) {
        return AiOptions.none();
      }
      return new AiOptions(
          json.bool("enrich", false), json.text("instructions", Limits.MAX_INSTRUCTIONS_LENGTH));
    }
  }
}
