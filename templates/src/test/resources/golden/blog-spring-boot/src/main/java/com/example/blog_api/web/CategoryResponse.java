package com.example.blog_api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.blog_api.domain.Category;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Category as the API returns it: its fields, the ids it refers to, timestamps. */
public record CategoryResponse(
    Long id,
    String title,
    Long parentId,
    Instant createdAt,
    Instant updatedAt) {

  static CategoryResponse of(Category row) {
    return new CategoryResponse(
        row.getId(),
        row.getTitle(),
        row.getParent() == null ? null : row.getParent().getId(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
