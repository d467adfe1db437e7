package com.example.shop_backend.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.shop_backend.domain.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Product as the API returns it: its fields, the ids it refers to, timestamps. */
public record ProductResponse(
    Long id,
    String sku,
    String name,
    BigDecimal price,
    Integer stock,
    UUID publicId,
    Instant createdAt,
    Instant updatedAt) {

  static ProductResponse of(Product row) {
    return new ProductResponse(
        row.getId(),
        row.getSku(),
        row.getName(),
        row.getPrice(),
        row.getStock(),
        row.getPublicId(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
