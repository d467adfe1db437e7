package com.example.blog_api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every JSON request body before it is bound: at most {@value #MAX_BYTES} bytes (413,
 * whether the length is declared or the body is chunked), only the keys the request record names
 * (400 listing every unknown key), and text the databases can store (400 for a NUL character,
 * which PostgreSQL refuses and H2 keeps, and for an unpaired surrogate, which no UTF-8 column can
 * hold), and values of the JSON type each property has in the OpenAPI document (a number is not
 * a string, a string or 1 is not a boolean, 1.5 is not an integer: Jackson would convert them
 * quietly). A body that is not JSON is passed on for the converter to refuse.
 */
@ControllerAdvice
class RequestBodies extends RequestBodyAdviceAdapter {

  /** The largest request body read, 1 MiB. */
  static final int MAX_BYTES = 1024 * 1024;

  static final String UNKNOWN_PROPERTY = "Unknown property.";
  static final String BAD_TEXT = "Must not contain a NUL character or an unpaired surrogate.";

  private static final ClassValue<Map<String, Class<?>>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected Map<String, Class<?>> computeValue(Class<?> type) {
          return properties(type);
        }
      };

  private final JsonMapper json;

  RequestBodies(JsonMapper json) {
    this.json = json;
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    if (input.getHeaders().getContentLength() > MAX_BYTES) {
      throw ApiException.tooLarge();
    }
    byte[] body = input.getBody().readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      throw ApiException.tooLarge();
    }
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (JacksonException e) {
      return replay(input.getHeaders(), body);
    }
    List<InvalidField> errors = new ArrayList<>();
    if (tree != null && tree.isObject()) {
      if (targetType instanceof Class<?> type && type.isRecord()) {
        unknown(tree.propertyNames(), type).forEach(key -> errors.add(unknownProperty(key)));
        errors.addAll(wrongTypes(tree, type));
      }
      for (Map.Entry<String, JsonNode> entry : tree.properties()) {
        if (!storable(entry.getValue())) {
          errors.add(new InvalidField(entry.getKey(), BAD_TEXT));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("The request is invalid.", sorted(errors));
    }
    return replay(input.getHeaders(), body);
  }

  /** The keys of {@code keys} that the request record {@code type} does not name, sorted. */
  static Set<String> unknown(Collection<String> keys, Class<?> type) {
    Set<String> out = new TreeSet<>(keys);
    out.removeAll(PROPERTIES.get(type).keySet());
    return out;
  }

  /** A field error for every property of {@code body} whose JSON type {@code type} does not take. */
  static List<InvalidField> wrongTypes(JsonNode body, Class<?> type) {
    List<InvalidField> errors = new ArrayList<>();
    Map<String, Class<?>> properties = PROPERTIES.get(type);
    for (Map.Entry<String, JsonNode> entry : body.properties()) {
      Class<?> javaType = properties.get(entry.getKey());
      String expected = javaType == null ? null : mismatch(entry.getValue(), javaType);
      if (expected != null) {
        errors.add(new InvalidField(entry.getKey(), expected));
      }
    }
    return errors;
  }

  /** What {@code value} should be for a property of {@code type}, or null when it is that. */
  private static String mismatch(JsonNode value, Class<?> type) {
    if (value.isNull()) {
      return null;
    }
    if (type == Boolean.class) {
      return value.isBoolean() ? null : "Must be true or false.";
    }
    if (type == Integer.class || type == Long.class) {
      return value.isIntegralNumber() ? null : "Must be a whole number.";
    }
    if (type == java.math.BigDecimal.class) {
      return value.isNumber() || value.isString() ? null : "Must be a number.";
    }
    if (type == List.class) {
      if (!value.isArray()) {
        return "Must be a list of ids.";
      }
      for (JsonNode item : value) {
        if (!item.isIntegralNumber()) {
          return "Must be a list of ids.";
        }
      }
      return null;
    }
    return value.isString() ? null : "Must be a string.";
  }

  static InvalidField unknownProperty(String key) {
    return new InvalidField(key, UNKNOWN_PROPERTY);
  }

  /** Whether every text in {@code node}, keys included, is free of NUL and lone surrogates. */
  static boolean storable(JsonNode node) {
    if (node.isString()) {
      return storable(node.asString());
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (!storable(entry.getKey()) || !storable(entry.getValue())) {
          return false;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node.values()) {
        if (!storable(item)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether {@code text} has no NUL character and no unpaired surrogate. */
  static boolean storable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static List<InvalidField> sorted(List<InvalidField> errors) {
    return errors.stream()
        .distinct()
        .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
        .toList();
  }

  /**
   * The JSON names of a record's components (their {@code @JsonProperty} or their own name) and
   * their Java types.
   */
  private static Map<String, Class<?>> properties(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Parameter[] parameters;
    try {
      parameters = type.getDeclaredConstructor(types).getParameters();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record without its canonical constructor", e);
    }
    Map<String, Class<?>> names = new java.util.HashMap<>();
    for (int i = 0; i < components.length; i++) {
      JsonProperty renamed = parameters[i].getAnnotation(JsonProperty.class);
      names.put(
          renamed == null || renamed.value().isEmpty() ? components[i].getName() : renamed.value(),
          components[i].getType());
    }
    return Map.copyOf(names);
  }

  private static HttpInputMessage replay(HttpHeaders headers, byte[] body) {
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }
    };
  }
}
