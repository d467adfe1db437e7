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
 * The body of a create or replace request for Product; a replace sets every field, so a
 * field left out becomes null.
 */
public record ProductRequest(
    @NotNull @Size(max = 32) String sku,
    @NotNull @Size(max = 255) String name,
    @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal price,
    @DecimalMin("0") Integer stock,
    UUID publicId) {}
