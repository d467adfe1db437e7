package io.backforge.api.web.diagram;

import java.util.List;

/**
 * A laid-out entity-relationship diagram, ready for the {@code fragments/diagram} template to draw
 * as inline SVG: coordinates in SVG user units, texts as typed (the template escapes them).
 *
 * @param width the width of the drawing
 * @param height the height of the drawing
 * @param summary a one-line description for assistive technology ("Model: 3 entities, 4 relations")
 * @param boxes one box per entity
 * @param edges one edge per relation
 */
public record Diagram(
    double width, double height, String summary, List<Box> boxes, List<Edge> edges) {

  public Diagram {
    boxes = List.copyOf(boxes);
    edges = List.copyOf(edges);
  }

  /** The SVG {@code viewBox}. */
  public String viewBox() {
    return "0 0 " + ModelDiagram.number(width) + " " + ModelDiagram.number(height);
  }

  /** Whether there is nothing to draw. */
  public boolean empty() {
    return boxes.isEmpty();
  }

  /**
   * An entity's box: a header with its name and one line per field.
   *
   * @param name the entity name
   * @param x left edge
   * @param y top edge
   * @param width box width
   * @param height box height
   * @param headerHeight height of the header holding the name
   * @param lines the field lines
   */
  public record Box(
      String name,
      double x,
      double y,
      double width,
      double height,
      double headerHeight,
      List<Line> lines) {

    public Box {
      lines = List.copyOf(lines);
    }

    /** Where the name is centred. */
    public double nameX() {
      return ModelDiagram.round(x + width / 2);
    }

    /** The name's baseline. */
    public double nameY() {
      return ModelDiagram.round(y + headerHeight - 8);
    }

    /** The SVG path of the rule under the header. */
    public String headerRule() {
      String bottom = ModelDiagram.number(y + headerHeight);
      return "M" + ModelDiagram.number(x) + " " + bottom + " H" + ModelDiagram.number(x + width);
    }
  }

  /**
   * A field line of a box, written {@code name: type} with its marks.
   *
   * @param name the field name
   * @param type the field type
   * @param marks {@code required}, {@code unique}, both or empty
   * @param x where the text starts
   * @param y the text's baseline
   */
  public record Line(String name, String type, String marks, double x, double y) {

    /** The line for the text alternative: {@code title string (required)}. */
    public String description() {
      return name + " " + type + (marks.isEmpty() ? "" : " (" + marks + ")");
    }
  }

  /**
   * A relation drawn as an orthogonal path from the declaring entity's box to the target's box.
   *
   * @param name the relation name
   * @param kind its kind
   * @param source the declaring entity
   * @param target the target entity
   * @param path the SVG path data
   * @param labelX left edge of the label
   * @param labelY top edge of the label
   * @param labelWidth width of the label
   * @param labelHeight height of the label
   */
  public record Edge(
      String name,
      String kind,
      String source,
      String target,
      String path,
      double labelX,
      double labelY,
      double labelWidth,
      double labelHeight) {

    /** The label's text. */
    public String label() {
      return name + " (" + kind + ")";
    }

    /** Where the label's text starts. */
    public double textX() {
      return ModelDiagram.round(labelX + 4);
    }

    /** The label's baseline. */
    public double textY() {
      return ModelDiagram.round(labelY + labelHeight - 4);
    }

    /** Whether both ends get an arrowhead: many-to-many reads both ways. */
    public boolean bothWays() {
      return "many-to-many".equals(kind);
    }
  }
}
