package com.example.shop_backend.web;

/**
 * One problem with one field of a request, listed under {@code errors} in a problem detail.
 *
 * @param field the JSON name of the field or query parameter
 * @param message what is wrong with it
 */
public record InvalidField(String field, String message) {}
