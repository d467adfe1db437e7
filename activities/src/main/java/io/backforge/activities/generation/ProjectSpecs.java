package io.backforge.activities.generation;

import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The immutable description of each project's stored spec, parsed and validated once per worker:
 * the steps of one generation (validate, features, scaffold, enrichment) ask for the same spec one
 * after the other, usually on the same worker, and get the description the first one made. Keyed by
 * the spec text's SHA-256, so a spec is never mistaken for another; the least recently used go
 * first, so a long-running worker stays small. Invalid specs are not kept.
 */
@Component
public class ProjectSpecs {

  private static final int KEPT = 256;

  private final SpecValidator validator = new SpecValidator();
  private final Map<String, ProjectSpec> valid =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ProjectSpec> eldest) {
              return size() > KEPT;
            }
          });

  /** The description of {@code project}'s spec, or the validator's result when it is invalid. */
  public Result of(ProjectRecord project) {
    byte[] text = project.spec().getBytes(StandardCharsets.UTF_8);
    String key = BlobStore.hash(text);
    ProjectSpec known = valid.get(key);
    if (known != null) {
      return new Result(known, null);
    }
    ValidationResult result = validator.validate(text);
    if (!result.valid()) {
      return new Result(null, result);
    }
    valid.put(key, result.spec());
    return new Result(result.spec(), null);
  }

  /**
   * A spec's description, or why it is invalid.
   *
   * @param spec the description, or {@code null} when invalid
   * @param invalid the validator's result when invalid, else {@code null}
   */
  public record Result(ProjectSpec spec, ValidationResult invalid) {

    /** The description, when the spec is valid. */
    public Optional<ProjectSpec> valid() {
      return Optional.ofNullable(spec);
    }
  }
}
