package com.example.shop_backend.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.shop_backend.domain.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A OrderLine as the API returns it: its fields, the ids it refers to, timestamps. */
public record OrderLineResponse(
    Long id,
    Integer quantity,
    BigDecimal unitPrice,
    Long orderId,
    Long productId,
    Instant createdAt,
    Instant updatedAt) {

  static OrderLineResponse of(OrderLine row) {
    return new OrderLineResponse(
        row.getId(),
        row.getQuantity(),
        row.getUnitPrice(),
        row.getOrder() == null ? null : row.getOrder().getId(),
        row.getProduct() == null ? null : row.getProduct().getId(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
