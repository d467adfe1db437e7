package com.example.blog_api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.example.blog_api.domain.Comment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Comment as the API returns it: its fields, the ids it refers to, timestamps. */
public record CommentResponse(
    Long id,
    String author,
    String text,
    Long postId,
    Instant createdAt,
    Instant updatedAt) {

  static CommentResponse of(Comment row) {
    return new CommentResponse(
        row.getId(),
        row.getAuthor(),
        row.getText(),
        row.getPost() == null ? null : row.getPost().getId(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }
}
