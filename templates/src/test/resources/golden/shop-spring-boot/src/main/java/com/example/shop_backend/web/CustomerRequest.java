package com.example.shop_backend.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The body of a create or replace request for Customer; a replace sets every field, so a
 * field left out becomes null.
 */
public record CustomerRequest(
    @NotNull @Size(max = 255) @Pattern(regexp = "^[^@\\s]+@[^@\\s]+$") String email,
    @NotNull @Size(max = 120) String fullName,
    Boolean vip) {}
