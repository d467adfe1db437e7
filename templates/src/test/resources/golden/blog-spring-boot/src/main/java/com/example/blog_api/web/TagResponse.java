package com.example.blog_api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.blog_api.domain.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Tag as the API returns it: its fields, the ids it refers to, timestamps. */
public record TagResponse(
    Long id,
    String label,
    Instant createdAt,
    Instant updatedAt) {

  static TagResponse of(Tag row) {
    return new TagResponse(
        row.getId(),
        row.getLabel(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
