package com.example.shop_backend.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.shop_backend.domain.Customer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Customer as the API returns it: its fields, the ids it refers to, timestamps. */
public record CustomerResponse(
    Long id,
    String email,
    String fullName,
    Boolean vip,
    Instant createdAt,
    Instant updatedAt) {

  static CustomerResponse of(Customer row) {
    return new CustomerResponse(
        row.getId(),
        row.getEmail(),
        row.getFullName(),
        row.getVip(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
