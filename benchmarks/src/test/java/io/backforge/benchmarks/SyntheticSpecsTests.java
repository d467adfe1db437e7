package io.backforge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import org.junit.jupiter.api.Test;

class SyntheticSpecsTests {

  @Test
  void syntheticSpecsAreValidAndHaveTheAskedSize() {
    ValidationResult result = new SpecValidator().validate(SyntheticSpecs.spec(40, 15));

    assertThat(result.errors()).isEmpty();
    assertThat(result.spec().entities()).hasSize(40);
    assertThat(result.spec().entities().get(39).fields()).hasSize(15);
    assertThat(result.spec().entities().get(39).relations()).hasSize(1);
  }

  @Test
  void theBenchmarkedPipelineProducesAZipForEverySampleSpec() {
    Pipeline pipeline = new Pipeline();

    for (String spec : new String[] {"library", "shop", "blog", "synthetic-100x15"}) {
      Pipeline.Output output = pipeline.run(Pipeline.spec(spec));
      assertThat(output.files()).as(spec).isGreaterThan(5);
      assertThat(output.zip()).as(spec).startsWith(0x50, 0x4b, 0x03, 0x04);
    }
  }
}
