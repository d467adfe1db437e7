package com.example.library_service.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.library_service.domain.Author;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Author as the API returns it: its fields, the ids it refers to, timestamps. */
public record AuthorResponse(
    Long id,
    String name,
    LocalDate born,
    Instant createdAt,
    Instant updatedAt) {

  static AuthorResponse of(Author row) {
    return new AuthorResponse(
        row.getId(),
        row.getName(),
        row.getBorn(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
