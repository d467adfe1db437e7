package io.backforge.templates.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Arbitraries for fuzzing the spec validator: the sample specs mutated (nodes deleted, replaced,
 * duplicated, renamed, nested deeply, strings made huge), random JSON values, and raw byte damage.
 * Shared with the api module's HTTP fuzzing through this module's test jar.
 */
public final class JsonMutations {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final List<String> SAMPLES =
      List.of(
          "library.json",
          "shop.json",
          "blog.json",
          "cycle.json",
          "minimal.json",
          "nasty.json",
          "long-names.json");

  private JsonMutations() {}

  /** What a mutation does to the node it picks. */
  enum Kind {
    DELETE,
    REPLACE,
    DUPLICATE,
    RENAME,
    NEST_DEEPLY,
    HUGE_STRING,
    SWAP_WITH_SIBLING
  }

  /** One mutation: its kind, which node (an index modulo the node count) and its material. */
  record Mutation(Kind kind, int where, JsonNode value, String text, int size) {}

  /** A sample spec with one to six mutations applied, as UTF-8 bytes. */
  public static Arbitrary<byte[]> mutatedSpecs() {
    return Combinators.combine(
            Arbitraries.of(SAMPLES), mutations().list().ofMinSize(1).ofMaxSize(6))
        .as(JsonMutations::mutate);
  }

  /** Any JSON value at all, shallow or nested; also text and bytes that are not JSON. */
  public static Arbitrary<byte[]> randomDocuments() {
    return Arbitraries.oneOf(
        values(4).map(JsonMutations::write),
        Arbitraries.strings().all().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
  }

  /** A sample spec whose bytes are cut, overwritten or extended with arbitrary bytes. */
  public static Arbitrary<byte[]> damagedBytes() {
    return Combinators.combine(
            Arbitraries.of(SAMPLES),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8),
            Arbitraries.of("cut", "overwrite", "insert"))
        .as(
            (sample, where, bytes, how) -> {
              byte[] original = sample(sample);
              int at = where % original.length;
              byte[] out;
              switch (how) {
                case "cut" -> out = java.util.Arrays.copyOf(original, at);
                case "overwrite" -> {
                  out = original.clone();
                  for (int i = 0; i < bytes.length && at + i < out.length; i++) {
                    out[at + i] = bytes[i];
                  }
                }
                default -> {
                  out = new byte[original.length + bytes.length];
                  System.arraycopy(original, 0, out, 0, at);
                  System.arraycopy(bytes, 0, out, at, bytes.length);
                  System.arraycopy(original, at, out, at + bytes.length, original.length - at);
                }
              }
              return out;
            });
  }

  static Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 10_000),
            values(2),
            nastyStrings(),
            Arbitraries.integers().between(1, 40))
        .as(Mutation::new);
  }

  /** Strings people and attackers type: empty, blank, control characters, unicode, markers. */
  static Arbitrary<String> nastyStrings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30),
        Arbitraries.strings().all().ofMaxLength(20),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
        Arbitraries.of(
            "",
            " ",
            "name",
            "Author",
            "string",
            "flask",
            "many-to-one",
            "../../etc/passwd",
            "/abs",
            "a\u0000b",
            "{{x}}",
            "\"\"\"",
            "*/",
            "--",
            "#",
            "\\",
            "'",
            "class",
            "__init__",
            "\uD83D\uDE00",
            "\uD800",
            "ﬁ",
            "İ"));
  }

  /** Arbitrary JSON values nested at most {@code depth} levels. */
  static Arbitrary<JsonNode> values(int depth) {
    Arbitrary<JsonNode> leaves =
        Arbitraries.oneOf(
            nastyStrings().map(s -> (JsonNode) NODES.textNode(s)),
            Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
            Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
            Arbitraries.bigDecimals()
                .ofScale(12)
                .between(new BigDecimal("-1e20"), new BigDecimal("1e20"))
                .map(d -> (JsonNode) NODES.numberNode(d)),
            Arbitraries.of(
                NODES.booleanNode(true),
                NODES.booleanNode(false),
                NODES.nullNode(),
                NODES.numberNode(Double.MAX_VALUE),
                NODES.numberNode(new BigDecimal("1e400")),
                NODES.numberNode(-0.0)));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> values(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, leaves),
        net.jqwik.api.Tuple.of(
            1,
            inner
                .list()
                .ofMaxSize(4)
                .map(
                    items -> {
                      ArrayNode array = NODES.arrayNode();
                      items.forEach(array::add);
                      return (JsonNode) array;
                    })),
        net.jqwik.api.Tuple.of(
            1,
            Combinators.combine(nastyStrings().list().ofMaxSize(4), inner.list().ofSize(4))
                .as(
                    (keys, items) -> {
                      ObjectNode object = NODES.objectNode();
                      for (int i = 0; i < keys.size(); i++) {
                        object.set(keys.get(i), items.get(i));
                      }
                      return (JsonNode) object;
                    })));
  }

  static byte[] mutate(String sample, List<Mutation> mutations) {
    JsonNode root = read(sample(sample));
    for (Mutation mutation : mutations) {
      root = apply(root, mutation);
    }
    return write(root);
  }

  private record Slot(ContainerNode<?> parent, String key, int index) {
    JsonNode get() {
      return key != null ? ((ObjectNode) parent).get(key) : ((ArrayNode) parent).get(index);
    }

    void set(JsonNode value) {
      if (key != null) {
        ((ObjectNode) parent).set(key, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  private static JsonNode apply(JsonNode root, Mutation mutation) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      return mutation.kind() == Kind.NEST_DEEPLY ? nest(root, mutation.size()) : mutation.value();
    }
    Slot slot = slots.get(mutation.where() % slots.size());
    switch (mutation.kind()) {
      case DELETE -> {
        if (slot.key() != null) {
          ((ObjectNode) slot.parent()).remove(slot.key());
        } else {
          ((ArrayNode) slot.parent()).remove(slot.index());
        }
      }
      case REPLACE -> slot.set(mutation.value());
      case DUPLICATE -> {
        if (slot.key() != null) {
          ((ObjectNode) slot.parent()).set(slot.key() + mutation.text(), slot.get().deepCopy());
        } else {
          ((ArrayNode) slot.parent()).insert(slot.index(), slot.get().deepCopy());
        }
      }
      case RENAME -> {
        if (slot.key() != null) {
          ObjectNode parent = (ObjectNode) slot.parent();
          JsonNode value = parent.remove(slot.key());
          parent.set(mutation.text(), value);
        } else {
          slot.set(mutation.value());
        }
      }
      case NEST_DEEPLY -> slot.set(nest(slot.get(), mutation.size()));
      case HUGE_STRING -> slot.set(NODES.textNode(huge(mutation.text(), mutation.size())));
      case SWAP_WITH_SIBLING -> {
        Slot other = slots.get((mutation.where() + 1) % slots.size());
        if (other.parent() == slot.parent() && other != slot) {
          JsonNode a = slot.get();
          slot.set(other.get());
          other.set(a);
        } else {
          slot.set(other.get().deepCopy());
        }
      }
    }
    return root;
  }

  private static String huge(String seed, int size) {
    int length = new int[] {1_001, 2_001, 10_001, 70_000, 300_000}[size % 5];
    String unit = seed.isEmpty() ? "x" : seed;
    return unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  private static JsonNode nest(JsonNode node, int depth) {
    JsonNode nested = node;
    for (int i = 0; i < depth; i++) {
      if (i % 2 == 0) {
        nested = NODES.arrayNode().add(nested);
      } else {
        nested = NODES.objectNode().set("x", nested);
      }
    }
    return nested;
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<String> keys = new ArrayList<>();
      fields.forEachRemaining(e -> keys.add(e.getKey()));
      for (String key : keys) {
        slots.add(new Slot(object, key, -1));
        collect(object.get(key), slots);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i));
        collect(array.get(i), slots);
      }
    }
  }

  /** A sample spec from the classpath ({@code /specs/<name>}). */
  static byte[] sample(String name) {
    try (java.io.InputStream in = JsonMutations.class.getResourceAsStream("/specs/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
