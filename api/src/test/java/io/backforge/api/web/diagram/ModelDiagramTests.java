package io.backforge.api.web.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.api.web.diagram.ErModel.Entity;
import io.backforge.api.web.diagram.ErModel.Field;
import io.backforge.api.web.diagram.ErModel.Relation;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The diagram as the pages draw it: laid out by {@link ModelDiagram}, rendered by the {@code
 * fragments/diagram} template, and read back with an XML parser.
 */
class ModelDiagramTests {

  private static final String SVG = "http://www.w3.org/2000/svg";
  private static final double TOLERANCE = 0.51;

  @Test
  void everyEntityIsABoxWithItsNameAndOneLinePerField() throws Exception {
    ErModel shop = example("shop");
    Document svg = parse(render(ModelDiagram.draw(shop)));

    Map<String, Element> boxes = boxes(svg);
    assertThat(boxes.keySet()).containsExactly("Customer", "Product", "Order", "OrderLine");
    for (Entity entity : shop.entities()) {
      Element box = boxes.get(entity.name());
      assertThat(texts(box, "er-name")).containsExactly(entity.name());
      assertThat(texts(box, "er-field"))
          .containsExactlyElementsOf(
              entity.fields().stream()
                  .map(
                      f ->
                          f.name()
                              + ": "
                              + f.type()
                              + (f.required() && f.unique()
                                  ? " required, unique"
                                  : f.required() ? " required" : f.unique() ? " unique" : ""))
                  .toList());
    }
  }

  @Test
  void everyRelationIsAnArrowFromItsEntityToItsTargetLabelledWithItsNameAndKind() throws Exception {
    Document svg = parse(render(ModelDiagram.draw(example("shop"))));

    List<Element> edges = byClass(svg.getDocumentElement(), "er-edge");
    assertThat(edges)
        .extracting(e -> texts(e, "er-label").get(0))
        .containsExactlyInAnyOrder(
            "customer (many-to-one)", "order (many-to-one)", "product (many-to-one)");
    Map<String, Element> boxes = boxes(svg);
    for (Element edge : edges) {
      double[][] points = points(byClass(edge, "er-line").get(0).getAttribute("d"));
      assertThat(onBorder(points[0], boxes.get(edge.getAttribute("data-source")))).isTrue();
      assertThat(onBorder(points[points.length - 1], boxes.get(edge.getAttribute("data-target"))))
          .isTrue();
      assertThat(byClass(edge, "er-line").get(0).getAttribute("marker-end"))
          .isEqualTo("url(#er-arrow)");
    }
  }

  @Test
  void manyToManyAndOneToManyRelationsSayTheirKindAndManyToManyPointsBothWays() throws Exception {
    ErModel model =
        new ErModel(
            List.of(
                entity(
                    "Author",
                    List.of(new Relation("books", "one-to-many", "Book")),
                    field("name", "string")),
                entity(
                    "Book",
                    List.of(
                        new Relation("author", "many-to-one", "Author"),
                        new Relation("tags", "many-to-many", "Tag")),
                    field("title", "string")),
                entity("Tag", List.of(), field("label", "string"))));
    Document svg = parse(render(ModelDiagram.draw(model)));

    Map<String, Element> edges =
        byClass(svg.getDocumentElement(), "er-edge").stream()
            .collect(Collectors.toMap(e -> e.getAttribute("data-name"), Function.identity()));
    assertThat(texts(edges.get("books"), "er-label")).containsExactly("books (one-to-many)");
    assertThat(texts(edges.get("tags"), "er-label")).containsExactly("tags (many-to-many)");
    assertThat(byClass(edges.get("tags"), "er-line").get(0).getAttribute("marker-start"))
        .isEqualTo("url(#er-arrow)");
    assertThat(byClass(edges.get("author"), "er-line").get(0).hasAttribute("marker-start"))
        .isFalse();
  }

  @Test
  void selfRelationIsALoopThatLeavesAndEntersTheSameBox() throws Exception {
    ErModel model =
        new ErModel(
            List.of(
                entity(
                    "Category",
                    List.of(new Relation("parent", "many-to-one", "Category")),
                    field("name", "string"))));
    Document svg = parse(render(ModelDiagram.draw(model)));

    Element box = boxes(svg).get("Category");
    Element edge = byClass(svg.getDocumentElement(), "er-edge").get(0);
    double[][] points = points(byClass(edge, "er-line").get(0).getAttribute("d"));
    assertThat(texts(edge, "er-label")).containsExactly("parent (many-to-one)");
    assertThat(onBorder(points[0], box)).isTrue();
    assertThat(onBorder(points[points.length - 1], box)).isTrue();
    assertThat(points[0]).isNotEqualTo(points[points.length - 1]);
    assertThat(points.length).as("a loop bends around the box").isGreaterThanOrEqualTo(4);
    assertThat(Arrays.stream(points).skip(1).limit(points.length - 2))
        .as("the loop's bends lie outside the box")
        .noneMatch(p -> inside(p, box));
  }

  @Test
  void twoRelationsToTheSameTargetAreTwoDifferentPathsWithTheirOwnLabels() throws Exception {
    ErModel model =
        new ErModel(
            List.of(
                entity("Account", List.of(), field("iban", "string")),
                entity(
                    "Transfer",
                    List.of(
                        new Relation("from", "many-to-one", "Account"),
                        new Relation("to", "many-to-one", "Account")),
                    field("amount", "decimal"))));
    Document svg = parse(render(ModelDiagram.draw(model)));

    List<Element> edges = byClass(svg.getDocumentElement(), "er-edge");
    assertThat(edges).hasSize(2);
    assertThat(edges)
        .extracting(e -> texts(e, "er-label").get(0))
        .containsExactlyInAnyOrder("from (many-to-one)", "to (many-to-one)");
    String first = byClass(edges.get(0), "er-line").get(0).getAttribute("d");
    String second = byClass(edges.get(1), "er-line").get(0).getAttribute("d");
    assertThat(first).isNotEqualTo(second);
    assertThat(points(first)[0]).isNotEqualTo(points(second)[0]);
    assertThat(
            overlap(
                rect(byClass(edges.get(0), "er-label-bg").get(0)),
                rect(byClass(edges.get(1), "er-label-bg").get(0))))
        .isFalse();
  }

  @Test
  void fortyEntitiesWithFifteenFieldsEachHaveNoOverlappingBoxesOrLabelsAndFitTheViewBox()
      throws Exception {
    ErModel model = large(40, 15);
    Diagram diagram = ModelDiagram.draw(model);
    Document svg = parse(render(diagram));

    Element root = svgElement(svg);
    double[] viewBox =
        Arrays.stream(root.getAttribute("viewBox").split(" "))
            .mapToDouble(Double::parseDouble)
            .toArray();
    assertThat(viewBox[0]).isZero();
    assertThat(viewBox[1]).isZero();
    List<double[]> boxes =
        boxes(svg).values().stream()
            .map(b -> rect(byClass(b, "er-box").get(0)))
            .collect(Collectors.toList());
    List<double[]> labels =
        byClass(root, "er-label-bg").stream().map(ModelDiagramTests::rect).toList();
    assertThat(boxes).hasSize(40);
    assertThat(labels).hasSize(model.relationCount());
    assertThat(byClass(root, "er-field")).hasSize(40 * 15);
    List<double[]> shapes = new ArrayList<>(boxes);
    shapes.addAll(labels);
    for (int i = 0; i < shapes.size(); i++) {
      double[] a = shapes.get(i);
      assertThat(a[0]).isGreaterThanOrEqualTo(0);
      assertThat(a[1]).isGreaterThanOrEqualTo(0);
      assertThat(a[0] + a[2]).isLessThanOrEqualTo(viewBox[2]);
      assertThat(a[1] + a[3]).isLessThanOrEqualTo(viewBox[3]);
      for (int j = i + 1; j < shapes.size(); j++) {
        assertThat(overlap(a, shapes.get(j))).as("shape %s and shape %s overlap", i, j).isFalse();
      }
    }
    for (Element line : byClass(root, "er-line")) {
      for (double[] p : points(line.getAttribute("d"))) {
        assertThat(p[0]).isBetween(0.0, viewBox[2]);
        assertThat(p[1]).isBetween(0.0, viewBox[3]);
      }
    }
    assertThat(root.getAttribute("aria-label"))
        .isEqualTo("Model: 40 entities, " + model.relationCount() + " relations");
  }

  @Test
  void hostileNamesAreEscapedAndComeBackAsTypedText() throws Exception {
    String entity = "<script>alert('x')</script>";
    String field = "a&b\"c'd<e>";
    String relation = "r\"><img src=x onerror=alert(1)>";
    ErModel model =
        new ErModel(
            List.of(
                entity(
                    entity,
                    List.of(new Relation(relation, "many-to-one", entity)),
                    new Field(field, "str&ng", true, false))));
    String html = render(ModelDiagram.draw(model));
    Document svg = parse(html);

    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<e>");
    assertThat(svg.getElementsByTagName("script").getLength()).isZero();
    assertThat(svg.getElementsByTagName("img").getLength()).isZero();
    Element box = boxes(svg).get(entity);
    assertThat(texts(box, "er-name")).containsExactly(entity);
    assertThat(texts(box, "er-field")).containsExactly(field + ": str&ng required");
    Element edge = byClass(svg.getDocumentElement(), "er-edge").get(0);
    assertThat(edge.getAttribute("data-name")).isEqualTo(relation);
    assertThat(texts(edge, "er-label")).containsExactly(relation + " (many-to-one)");
  }

  @Test
  void theSameModelAlwaysGivesTheSameSvg() {
    String first = render(ModelDiagram.layout(large(40, 15)));
    String second = render(ModelDiagram.layout(large(40, 15)));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void svgIsAnImageSummarisedByItsTitleAndHasATextAlternative() throws Exception {
    Document svg = parse(render(ModelDiagram.draw(example("library"))));

    Element root = svgElement(svg);
    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("aria-label")).isEqualTo("Model: 2 entities, 1 relation");
    assertThat(root.getElementsByTagNameNS(SVG, "title").item(0).getTextContent())
        .isEqualTo("Model: 2 entities, 1 relation");
    String text = svg.getElementsByTagName("details").item(0).getTextContent();
    assertThat(text)
        .contains("Author")
        .contains("name string (required)")
        .contains("Book → Author: author (many-to-one)");
  }

  @Test
  void draftWithUnnamedOrRepeatedEntitiesAndUnknownTargetsDrawsWhatCanBeDrawn() throws Exception {
    ErModel draft =
        new ErModel(
            List.of(
                entity(
                    "Book",
                    List.of(
                        new Relation("author", "many-to-one", "Author"),
                        new Relation("shelf", "many-to-one", "Shelf")),
                    field("title", "string")),
                entity("", List.of(), field("lost", "string")),
                entity("Author", List.of(), field("name", "string")),
                entity("Author", List.of(), field("again", "string"))));
    Document svg = parse(render(ModelDiagram.draw(draft)));

    assertThat(boxes(svg).keySet()).containsExactly("Book", "Author");
    assertThat(texts(boxes(svg).get("Author"), "er-field")).containsExactly("name: string");
    assertThat(byClass(svg.getDocumentElement(), "er-edge"))
        .extracting(e -> e.getAttribute("data-name"))
        .containsExactly("author");
  }

  @Test
  void anyDraftIsLaidOutWithoutOverlapsWhateverItsRelations() throws Exception {
    String[] kinds = {"many-to-one", "one-to-many", "many-to-many", "", "sideways"};
    for (long seed = 0; seed < 60; seed++) {
      Random random = new Random(seed);
      int count = random.nextInt(25);
      List<Entity> entities = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        List<Field> fields = new ArrayList<>();
        for (int f = random.nextInt(8); f > 0; f--) {
          fields.add(new Field("f" + f, "string", random.nextBoolean(), random.nextBoolean()));
        }
        List<Relation> relations = new ArrayList<>();
        for (int r = random.nextInt(5); r > 0; r--) {
          relations.add(
              new Relation(
                  "r" + r,
                  kinds[random.nextInt(kinds.length)],
                  "E" + random.nextInt(Math.max(1, count + 2))));
        }
        entities.add(new Entity(random.nextInt(10) == 0 ? " " : "E" + i, fields, relations));
      }
      Diagram diagram = ModelDiagram.layout(new ErModel(entities));

      List<double[]> shapes = new ArrayList<>();
      diagram.boxes().forEach(b -> shapes.add(new double[] {b.x(), b.y(), b.width(), b.height()}));
      diagram
          .edges()
          .forEach(
              e ->
                  shapes.add(
                      new double[] {e.labelX(), e.labelY(), e.labelWidth(), e.labelHeight()}));
      for (int i = 0; i < shapes.size(); i++) {
        double[] a = shapes.get(i);
        assertThat(a[0] + a[2]).as("seed %s", seed).isLessThanOrEqualTo(diagram.width());
        assertThat(a[1] + a[3]).as("seed %s", seed).isLessThanOrEqualTo(diagram.height());
        for (int j = i + 1; j < shapes.size(); j++) {
          assertThat(overlap(a, shapes.get(j)))
              .as("seed %s, shapes %s and %s", seed, i, j)
              .isFalse();
        }
      }
      parse(render(diagram));
    }
  }

  @Test
  void modelWithoutEntitiesSaysSoInsteadOfDrawing() {
    String html = render(ModelDiagram.draw(new ErModel(List.of())));

    assertThat(html).doesNotContain("<svg").contains("No entities to draw yet.");
  }

  @Test
  void diagramTheLayoutKernelCouldNotDrawIsAShortNote() {
    String html = render(null);

    assertThat(html).doesNotContain("<svg").contains("The diagram could not be drawn.");
  }

  // --- models

  private static ErModel example(String name) throws Exception {
    byte[] json = Files.readAllBytes(Path.of("..", "examples", name + ".json"));
    ValidationResult result = new SpecValidator().validate(json);
    assertThat(result.errors()).isEmpty();
    return of(result.spec());
  }

  private static ErModel of(ProjectSpec spec) {
    return new ErModel(
        spec.entities().stream()
            .map(
                e ->
                    new Entity(
                        e.name().value(),
                        e.fields().stream()
                            .map(
                                f ->
                                    new Field(
                                        f.name().value(),
                                        f.type().json(),
                                        f.required(),
                                        f.unique()))
                            .toList(),
                        e.relations().stream()
                            .map(
                                r ->
                                    new Relation(
                                        r.name().value(), r.kind().json(), r.target().value()))
                            .toList()))
            .toList());
  }

  /**
   * {@code count} entities with {@code fields} fields each, linked the way schemas are: each entity
   * refers to a parent three times nearer the start (a tree of many-to-one relations), some also to
   * an entity beside them (many-to-many), every seventh to itself and every fifth twice to the
   * first.
   */
  static ErModel large(int count, int fields) {
    List<Entity> entities = new ArrayList<>();
    String[] types = {"string", "integer", "decimal", "datetime", "boolean", "uuid", "text"};
    for (int i = 0; i < count; i++) {
      List<Field> columns = new ArrayList<>();
      for (int f = 0; f < fields; f++) {
        columns.add(
            new Field("field" + f + "Of" + i, types[(i + f) % types.length], f == 0, f == 1));
      }
      List<Relation> relations = new ArrayList<>();
      if (i > 0) {
        relations.add(new Relation("parent", "many-to-one", "Entity" + (i - 1) / 3));
      }
      if (i % 4 == 2) {
        relations.add(new Relation("tags", "many-to-many", "Entity" + (i - 1)));
      }
      if (i % 7 == 3) {
        relations.add(new Relation("previousVersion", "many-to-one", "Entity" + i));
      }
      if (i % 5 == 4) {
        relations.add(new Relation("createdBy", "many-to-one", "Entity0"));
        relations.add(new Relation("updatedBy", "many-to-one", "Entity0"));
      }
      entities.add(new Entity("Entity" + i, columns, relations));
    }
    return new ErModel(entities);
  }

  private static Entity entity(String name, List<Relation> relations, Field... fields) {
    return new Entity(name, List.of(fields), relations);
  }

  private static Field field(String name, String type) {
    return new Field(name, type, false, false);
  }

  // --- rendering and reading

  private static final SpringTemplateEngine ENGINE = engine();

  private static SpringTemplateEngine engine() {
    ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
    files.setPrefix("templates/");
    files.setSuffix(".html");
    files.setTemplateMode(TemplateMode.HTML);
    files.setCheckExistence(true);
    files.setOrder(1);
    StringTemplateResolver strings = new StringTemplateResolver();
    strings.setTemplateMode(TemplateMode.HTML);
    strings.setOrder(2);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.addTemplateResolver(files);
    engine.addTemplateResolver(strings);
    return engine;
  }

  static String render(Diagram diagram) {
    Context context = new Context();
    context.setVariable("d", diagram);
    return ENGINE.process(
        "<div th:replace=\"~{fragments/diagram :: diagram(${d})}\"></div>", context);
  }

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(
            new ByteArrayInputStream(
                ("<root>" + html + "</root>").getBytes(StandardCharsets.UTF_8)));
  }

  private static Element svgElement(Document document) {
    return (Element) document.getElementsByTagNameNS(SVG, "svg").item(0);
  }

  private static Map<String, Element> boxes(Document svg) {
    return byClass(svg.getDocumentElement(), "er-entity").stream()
        .collect(
            Collectors.toMap(
                e -> e.getAttribute("data-name"),
                Function.identity(),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  private static List<Element> byClass(Element root, String name) {
    List<Element> found = new ArrayList<>();
    NodeList all = root.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (Arrays.asList(element.getAttribute("class").split(" ")).contains(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static List<String> texts(Element root, String name) {
    return byClass(root, name).stream().map(Element::getTextContent).toList();
  }

  private static double[] rect(Element rect) {
    return new double[] {
      Double.parseDouble(rect.getAttribute("x")),
      Double.parseDouble(rect.getAttribute("y")),
      Double.parseDouble(rect.getAttribute("width")),
      Double.parseDouble(rect.getAttribute("height"))
    };
  }

  private static double[][] points(String path) {
    String[] numbers = path.replaceAll("[ML]", " ").trim().split("\\s+");
    return IntStream.range(0, numbers.length / 2)
        .mapToObj(
            i ->
                new double[] {
                  Double.parseDouble(numbers[2 * i]), Double.parseDouble(numbers[2 * i + 1])
                })
        .toArray(double[][]::new);
  }

  private static boolean onBorder(double[] p, Element box) {
    double[] r = rect(byClass(box, "er-box").get(0));
    boolean withinX = p[0] >= r[0] - TOLERANCE && p[0] <= r[0] + r[2] + TOLERANCE;
    boolean withinY = p[1] >= r[1] - TOLERANCE && p[1] <= r[1] + r[3] + TOLERANCE;
    boolean onVertical =
        Math.abs(p[0] - r[0]) <= TOLERANCE || Math.abs(p[0] - r[0] - r[2]) <= TOLERANCE;
    boolean onHorizontal =
        Math.abs(p[1] - r[1]) <= TOLERANCE || Math.abs(p[1] - r[1] - r[3]) <= TOLERANCE;
    return withinX && withinY && (onVertical || onHorizontal);
  }

  private static boolean inside(double[] p, Element box) {
    double[] r = rect(byClass(box, "er-box").get(0));
    return p[0] > r[0] + TOLERANCE
        && p[0] < r[0] + r[2] - TOLERANCE
        && p[1] > r[1] + TOLERANCE
        && p[1] < r[1] + r[3] - TOLERANCE;
  }

  private static boolean overlap(double[] a, double[] b) {
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
  }
}
