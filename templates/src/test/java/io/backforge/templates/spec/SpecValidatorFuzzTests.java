package io.backforge.templates.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the validator: thousands of damaged specs and random documents. The
 * validator never throws; it answers either a spec that round-trips through {@link SpecJson}, or
 * problems whose pointers are well-formed RFC 6901 pointers that resolve in the document (a missing
 * property points where it would be, under a parent that exists).
 */
class SpecValidatorFuzzTests {

  private static final String POINTER = "(/([^~/]|~[01])*)*";

  private final SpecValidator validator = new SpecValidator();

  @Property(tries = 2000)
  void mutatedSamplesGiveAValidSpecOrProblemsWithResolvablePointers(
      @ForAll("mutatedSpecs") byte[] json) {
    checkOutcome(json);
  }

  @Property(tries = 1000)
  void randomDocumentsGiveAValidSpecOrProblemsWithResolvablePointers(
      @ForAll("randomDocuments") byte[] json) {
    checkOutcome(json);
  }

  @Property(tries = 1000)
  void damagedBytesGiveAValidSpecOrProblemsWithResolvablePointers(
      @ForAll("damagedBytes") byte[] json) {
    checkOutcome(json);
  }

  @Provide
  Arbitrary<byte[]> mutatedSpecs() {
    return JsonMutations.mutatedSpecs();
  }

  @Provide
  Arbitrary<byte[]> randomDocuments() {
    return JsonMutations.randomDocuments();
  }

  @Provide
  Arbitrary<byte[]> damagedBytes() {
    return JsonMutations.damagedBytes();
  }

  private void checkOutcome(byte[] json) {
    ValidationResult result = validator.validate(json);

    if (result.valid()) {
      assertThat(result.spec()).isNotNull();
      String canonical = SpecJson.write(result.spec());
      ValidationResult again = validator.validate(canonical.getBytes(StandardCharsets.UTF_8));
      assertThat(again.errors()).isEmpty();
      assertThat(SpecJson.write(again.spec())).isEqualTo(canonical);
      return;
    }
    assertThat(result.spec()).isNull();
    assertThat(result.errors()).isNotEmpty();
    JsonNode document = parsedOrNull(json);
    for (SpecError error : result.errors()) {
      assertThat(error.message()).isNotBlank().hasSizeLessThan(2_000);
      assertThat(error.pointer()).matches(POINTER);
      if (document == null) {
        assertThat(error.pointer()).isEmpty();
      } else {
        assertThat(resolvesOrParentIsContainer(document, error.pointer()))
            .as("pointer %s of '%s' resolves", error.pointer(), error.message())
            .isTrue();
      }
    }
  }

  private static boolean resolvesOrParentIsContainer(JsonNode document, String pointer) {
    JsonPointer at = JsonPointer.compile(pointer);
    if (!document.at(at).isMissingNode()) {
      return true;
    }
    return document.at(at.head()).isContainerNode();
  }

  private static JsonNode parsedOrNull(byte[] json) {
    try {
      JsonNode node = JsonMutations.MAPPER.readTree(json);
      return node == null || node.isMissingNode() ? null : node;
    } catch (Exception e) {
      return null;
    }
  }
}
