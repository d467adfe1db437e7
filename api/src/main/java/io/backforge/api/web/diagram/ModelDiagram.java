package io.backforge.api.web.diagram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.backforge.api.web.diagram.Diagram.Box;
import io.backforge.api.web.diagram.Diagram.Edge;
import io.backforge.api.web.diagram.Diagram.Line;
import io.backforge.api.web.diagram.ErModel.Entity;
import io.backforge.api.web.diagram.ErModel.Field;
import io.backforge.api.web.diagram.ErModel.Relation;
import io.backforge.templates.spec.Limits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays out an {@link ErModel} as an entity-relationship diagram with the Eclipse Layout Kernel's
 * layered algorithm (boxes never overlap, orthogonal edges, labels placed beside their edges,
 * self-relations as loops, each of several relations to the same target its own path). Text widths
 * are estimated for the monospace font the diagram is drawn in. Everything runs in this process;
 * the same model always gives the same diagram. Thread-safe.
 *
 * <p>A draft may hold more than a spec allows, and names of any length: the diagram draws at most
 * {@link Limits#MAX_ENTITIES} entities with at most {@link Limits#MAX_FIELDS_PER_ENTITY} fields and
 * {@link Limits#MAX_RELATIONS_PER_ENTITY} relations each, the first entity of each name, the
 * relations whose target it draws, and names shortened to {@value #MAX_NAME} characters.
 */
public final class ModelDiagram {

  static final int MAX_NAME = 48;

  private static final double CHAR_WIDTH = 7.4;
  private static final double HEADER_CHAR_WIDTH = 8.2;
  private static final double LABEL_CHAR_WIDTH = 6.8;
  private static final double HEADER_HEIGHT = 26;
  private static final double LINE_HEIGHT = 18;
  private static final double PADDING_X = 10;
  private static final double PADDING_BOTTOM = 8;
  private static final double MIN_BOX_WIDTH = 120;
  private static final double LABEL_HEIGHT = 16;

  static {
    // The service finds the layered algorithm through java.util.ServiceLoader; where a class
    // loader hides it, it is registered by hand.
    LayoutMetaDataService service = LayoutMetaDataService.getInstance();
    if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
      service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }
  }

  private static final Logger log = LoggerFactory.getLogger(ModelDiagram.class);

  private static final Cache<ErModel, Diagram> CACHE =
      Caffeine.newBuilder().maximumSize(64).build();

  private ModelDiagram() {}

  /**
   * The laid-out diagram of {@code model}, or {@code null} when the layout kernel fails on it (the
   * page then says so instead of failing). The latest diagrams are kept, since a project page
   * reloads itself while its generation runs and a large model takes a while to lay out.
   */
  public static Diagram draw(ErModel model) {
    try {
      return CACHE.get(model, ModelDiagram::layout);
    } catch (RuntimeException e) {
      log.warn("The layout kernel failed on a model of {} entities", model.entities().size(), e);
      return null;
    }
  }

  /** Lays out {@code model} afresh. */
  static Diagram layout(ErModel model) {
    Map<String, Entity> entities = drawable(model);
    ElkNode root = ElkGraphUtil.createGraph();
    configure(root);
    Map<String, ElkNode> nodes = new LinkedHashMap<>();
    for (Entity entity : entities.values()) {
      ElkNode node = ElkGraphUtil.createNode(root);
      node.setIdentifier(entity.name());
      node.setDimensions(boxWidth(entity), boxHeight(entity));
      nodes.put(entity.name(), node);
    }
    Map<ElkEdge, Relation> relations = new LinkedHashMap<>();
    for (Entity entity : entities.values()) {
      for (Relation relation : entity.relations()) {
        ElkEdge edge =
            ElkGraphUtil.createSimpleEdge(nodes.get(entity.name()), nodes.get(relation.target()));
        ElkLabel label = ElkGraphUtil.createLabel(label(relation), edge);
        label.setDimensions(labelWidth(relation), LABEL_HEIGHT);
        relations.put(edge, relation);
      }
    }
    if (!nodes.isEmpty()) {
      new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    }
    List<Box> boxes = new ArrayList<>();
    for (Entity entity : entities.values()) {
      boxes.add(box(entity, nodes.get(entity.name())));
    }
    List<Edge> edges = new ArrayList<>();
    relations.forEach((edge, relation) -> edges.add(edge(edge, relation)));
    return new Diagram(
        nodes.isEmpty() ? 0 : round(root.getWidth()),
        nodes.isEmpty() ? 0 : round(root.getHeight()),
        summary(boxes.size(), edges.size()),
        boxes,
        edges);
  }

  private static void configure(ElkNode root) {
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 36.0);
    root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
    root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 14.0);
    root.setProperty(CoreOptions.SPACING_EDGE_NODE, 16.0);
    root.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, 48.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 56.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 18.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12.0);
    root.setProperty(CoreOptions.RANDOM_SEED, 1);
  }

  /** The entities the diagram draws, by name, with only the relations whose target it draws. */
  private static Map<String, Entity> drawable(ErModel model) {
    Map<String, Entity> named = new LinkedHashMap<>();
    for (Entity entity : model.entities()) {
      if (named.size() < Limits.MAX_ENTITIES && entity.name() != null && !entity.name().isBlank()) {
        named.putIfAbsent(entity.name(), entity);
      }
    }
    Map<String, Entity> drawable = new LinkedHashMap<>();
    for (Entity entity : named.values()) {
      List<Field> fields =
          entity.fields().stream()
              .limit(Limits.MAX_FIELDS_PER_ENTITY)
              .map(
                  f ->
                      new Field(shortened(f.name()), shortened(f.type()), f.required(), f.unique()))
              .toList();
      List<Relation> relations =
          entity.relations().stream()
              .filter(r -> r.target() != null && named.containsKey(r.target()))
              .limit(Limits.MAX_RELATIONS_PER_ENTITY)
              .map(r -> new Relation(shortened(r.name()), shortened(r.kind()), r.target()))
              .toList();
      drawable.put(entity.name(), new Entity(entity.name(), fields, relations));
    }
    return drawable;
  }

  private static String shortened(String text) {
    String value = text == null ? "" : text.strip();
    if (value.codePointCount(0, value.length()) <= MAX_NAME) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
  }

  private static double boxWidth(Entity entity) {
    double width = HEADER_CHAR_WIDTH * length(shortened(entity.name()));
    for (Field field : entity.fields()) {
      width = Math.max(width, CHAR_WIDTH * length(lineText(field)));
    }
    return Math.ceil(Math.max(MIN_BOX_WIDTH, width + 2 * PADDING_X));
  }

  private static double boxHeight(Entity entity) {
    return HEADER_HEIGHT + Math.max(1, entity.fields().size()) * LINE_HEIGHT + PADDING_BOTTOM;
  }

  private static String lineText(Field field) {
    String marks = marks(field);
    return field.name() + ": " + field.type() + (marks.isEmpty() ? "" : " " + marks);
  }

  private static String marks(Field field) {
    if (field.required() && field.unique()) {
      return "required, unique";
    }
    return field.required() ? "required" : field.unique() ? "unique" : "";
  }

  private static String label(Relation relation) {
    return relation.name() + " (" + relation.kind() + ")";
  }

  private static double labelWidth(Relation relation) {
    return Math.ceil(LABEL_CHAR_WIDTH * length(label(relation)) + 8);
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static Box box(Entity entity, ElkNode node) {
    double x = node.getX();
    double y = node.getY();
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < entity.fields().size(); i++) {
      Field field = entity.fields().get(i);
      lines.add(
          new Line(
              field.name(),
              field.type(),
              marks(field),
              round(x + PADDING_X),
              round(y + HEADER_HEIGHT + (i + 1) * LINE_HEIGHT - 5)));
    }
    return new Box(
        shortened(entity.name()),
        round(x),
        round(y),
        round(node.getWidth()),
        round(node.getHeight()),
        HEADER_HEIGHT,
        lines);
  }

  private static Edge edge(ElkEdge edge, Relation relation) {
    StringBuilder path = new StringBuilder();
    for (ElkEdgeSection section : edge.getSections()) {
      path.append(path.isEmpty() ? "M" : " M")
          .append(point(section.getStartX(), section.getStartY()));
      for (ElkBendPoint bend : section.getBendPoints()) {
        path.append(" L").append(point(bend.getX(), bend.getY()));
      }
      path.append(" L").append(point(section.getEndX(), section.getEndY()));
    }
    ElkLabel label = edge.getLabels().get(0);
    String source = ElkGraphUtil.connectableShapeToNode(edge.getSources().get(0)).getIdentifier();
    String target = ElkGraphUtil.connectableShapeToNode(edge.getTargets().get(0)).getIdentifier();
    return new Edge(
        relation.name(),
        relation.kind(),
        shortened(source),
        shortened(target),
        path.toString(),
        round(label.getX()),
        round(label.getY()),
        round(label.getWidth()),
        round(label.getHeight()));
  }

  private static String point(double x, double y) {
    return number(x) + " " + number(y);
  }

  /** {@code value} rounded to one decimal. */
  static double round(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  /** {@code value} with at most one decimal, the same on every machine. */
  static String number(double value) {
    return BigDecimal.valueOf(value)
        .setScale(1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String summary(int entities, int relations) {
    return "Model: "
        + entities
        + (entities == 1 ? " entity, " : " entities, ")
        + relations
        + (relations == 1 ? " relation" : " relations");
  }
}
