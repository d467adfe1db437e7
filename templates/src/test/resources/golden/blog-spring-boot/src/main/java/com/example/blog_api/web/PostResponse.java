package com.example.blog_api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.blog_api.domain.Post;
import com.example.blog_api.domain.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Post as the API returns it: its fields, the ids it refers to, timestamps. */
public record PostResponse(
    Long id,
    String title,
    String body,
    Instant publishedAt,
    Integer views,
    Long categoryId,
    List<Long> tagsIds,
    Instant createdAt,
    Instant updatedAt) {

  static PostResponse of(Post row) {
    return new PostResponse(
        row.getId(),
        row.getTitle(),
        row.getBody(),
        row.getPublishedAt(),
        row.getViews(),
        row.getCategory() == null ? null : row.getCategory().getId(),
        row.getTags().stream().map(Tag::getId).sorted().toList(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
