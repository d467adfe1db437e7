package com.example.shop_backend.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.shop_backend.domain.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Order as the API returns it: its fields, the ids it refers to, timestamps. */
public record OrderResponse(
    Long id,
    Instant placedAt,
    String status,
    String note,
    Long customerId,
    Instant createdAt,
    Instant updatedAt) {

  static OrderResponse of(Order row) {
    return new OrderResponse(
        row.getId(),
        row.getPlacedAt(),
        row.getStatus(),
        row.getNote(),
        row.getCustomer() == null ? null : row.getCustomer().getId(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
