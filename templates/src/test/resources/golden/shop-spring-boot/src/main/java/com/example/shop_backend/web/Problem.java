package com.example.shop_backend.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * The body of every error this API answers, an RFC 9457 problem detail ({@code
 * application/problem+json}). Not Spring's {@code ProblemDetail}, to which Spring MVC adds the
 * request path as {@code instance}.
 *
 * @param type a stable URI per kind of problem, such as {@code /problems/not-found}
 * @param title fixed per type
 * @param status the HTTP status
 * @param detail for people
 * @param errors every invalid field or query parameter; left out when there is none
 */
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InvalidField> errors) {}
