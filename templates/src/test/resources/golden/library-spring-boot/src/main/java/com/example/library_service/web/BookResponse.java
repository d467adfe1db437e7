package com.example.library_service.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.library_service.domain.Book;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Book as the API returns it: its fields, the ids it refers to, timestamps. */
public record BookResponse(
    Long id,
    String title,
    String isbn,
    BigDecimal price,
    Boolean published,
    Long authorId,
    Instant createdAt,
    Instant updatedAt) {

  static BookResponse of(Book row) {
    return new BookResponse(
        row.getId(),
        row.getTitle(),
        row.getIsbn(),
        row.getPrice(),
        row.getPublished(),
        row.getAuthor() == null ? null : row.getAuthor().getId(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
