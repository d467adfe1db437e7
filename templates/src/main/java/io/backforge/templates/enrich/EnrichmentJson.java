package io.backforge.templates.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The stored form of a validated enrichment with its warnings, so that a retry or a regeneration
 * reuses the model's answer instead of asking again. Equal enrichments give equal bytes.
 */
public final class EnrichmentJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /**
   * A stored enrichment.
   *
   * @param enrichment the validated enrichment
   * @param warnings what the validator dropped
   */
  public record Stored(Enrichment enrichment, List<String> warnings) {

    public Stored {
      warnings = List.copyOf(warnings);
    }
  }

  private EnrichmentJson() {}

  /** The UTF-8 JSON of {@code stored}. */
  public static byte[] write(Stored stored) {
    try {
      return MAPPER.writeValueAsString(stored).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads what {@link #write} wrote. */
  public static Stored read(byte[] json) {
    try {
      return MAPPER.readValue(json, Stored.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
