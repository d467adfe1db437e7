package com.example.blog_api.web;

import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partial updates: the row as the API returns it, with the fields a {@code PATCH} body names
 * replaced, read as a full request and validated like a {@code PUT}; a key the request does not
 * name is refused, as in a {@code PUT}.
 */
@Component
class Patches {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final JsonMapper json;
  private final Validator validator;

  Patches(JsonMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  /** {@code current} (a response) changed by {@code changes}, as a valid {@code type}. */
  <R> R merge(Object current, Map<String, Object> changes, Class<R> type) {
    Set<String> unknown = RequestBodies.unknown(changes.keySet(), type);
    if (!unknown.isEmpty()) {
      throw ApiException.invalid(
          "The request is invalid.", unknown.stream().map(RequestBodies::unknownProperty).toList());
    }
    List<InvalidField> wrong = RequestBodies.wrongTypes(json.valueToTree(changes), type);
    if (!wrong.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", wrong);
    }
    Map<String, Object> merged = new LinkedHashMap<>(json.convertValue(current, OBJECT));
    merged.putAll(changes);
    merged.keySet().removeAll(List.of("id", "createdAt", "updatedAt"));
    R request;
    try {
      request = json.convertValue(merged, type);
    } catch (RuntimeException e) {
      throw ApiException.invalid("The request is invalid.", List.of(wrongType(e)));
    }
    List<InvalidField> errors =
        validator.validate(request).stream()
            .map(
                v ->
                    new InvalidField(
                        ProblemHandler.jsonName(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
            .toList();
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", errors);
    }
    return request;
  }

  private static InvalidField wrongType(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException failure && !failure.getPath().isEmpty()) {
        String field = failure.getPath().get(0).getPropertyName();
        if (field != null) {
          return new InvalidField(ProblemHandler.jsonName(field), "Has the wrong type or format.");
        }
      }
    }
    return new InvalidField("", "The request body does not fit this resource.");
  }
}
