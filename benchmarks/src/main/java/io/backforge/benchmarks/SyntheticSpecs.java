package io.backforge.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * Specs of any size for measuring how cost grows: {@code n} entities of {@code f} fields each,
 * cycling through every field type with typical constraints, each entity after the first with an
 * optional many-to-one relation to the one before it.
 */
public final class SyntheticSpecs {

  private static final String[] TYPES = {
    "string", "integer", "text", "decimal", "boolean", "date", "datetime", "uuid", "long", "enum"
  };

  private SyntheticSpecs() {}

  /** The JSON of a valid spec with {@code entities} entities of {@code fields} fields. */
  public static byte[] spec(int entities, int fields) {
    StringBuilder json = new StringBuilder();
    json.append("{\"name\":\"synthetic-")
        .append(entities)
        .append("x")
        .append(fields)
        .append("\",\"description\":\"Synthetic spec for benchmarks\",")
        .append("\"stack\":\"flask\",\"database\":\"postgresql\",\"entities\":[");
    for (int e = 1; e <= entities; e++) {
      if (e > 1) {
        json.append(',');
      }
      json.append("{\"name\":\"Item").append(e).append("\",\"fields\":[");
      for (int f = 1; f <= fields; f++) {
        if (f > 1) {
          json.append(',');
        }
        json.append(field(f));
      }
      json.append(']');
      if (e > 1) {
        json.append(",\"relations\":[{\"name\":\"previous\",\"kind\":\"many-to-one\",")
            .append("\"target\":\"Item")
            .append(e - 1)
            .append("\"}]");
      }
      json.append('}');
    }
    json.append("],\"features\":{\"auth\":\"jwt\",\"pagination\":true,\"openapi\":true,")
        .append("\"docker\":true,\"tests\":true}}");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String field(int index) {
    String type = TYPES[(index - 1) % TYPES.length];
    String name = "\"name\":\"field" + index + "\",\"type\":\"" + type + "\"";
    return switch (type) {
      case "string" -> "{" + name + ",\"required\":true,\"maxLength\":80}";
      case "integer" -> "{" + name + ",\"min\":0,\"max\":1000}";
      case "decimal" -> "{" + name + ",\"min\":0}";
      case "enum" -> "{" + name + ",\"values\":[\"A\",\"B\",\"C\"]}";
      default -> "{" + name + "}";
    };
  }
}
