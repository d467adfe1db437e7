package io.backforge.api.web.diagram;

import io.backforge.api.web.diagram.ErModel.Entity;
import io.backforge.api.web.diagram.ErModel.Field;
import io.backforge.api.web.diagram.ErModel.Relation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lays out a tiny model on a background thread once the application is ready, so that the layout
 * kernel's first use (loading its classes and option registry, a few seconds from the jar) is not
 * paid by the first person who opens a review step or a project page, nor by the start-up.
 */
@ConditionalOnWebApplication
@Component
class DiagramWarmUp {

  private static final Logger log = LoggerFactory.getLogger(DiagramWarmUp.class);

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread thread = new Thread(DiagramWarmUp::layOutSample, "diagram-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void layOutSample() {
    try {
      ModelDiagram.layout(
          new ErModel(
              List.of(
                  new Entity(
                      "Sample",
                      List.of(new Field("name", "string", true, false)),
                      List.of(new Relation("parent", "many-to-one", "Sample"))))));
    } catch (RuntimeException | LinkageError e) {
      log.warn("Laying out a sample model diagram failed; diagrams may not be drawn", e);
    }
  }
}
