package com.example.library_service.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of rows; {@code page} and {@code size} are left out when lists are not paged.
 *
 * @param items the rows of the page
 * @param page the 1-based page number
 * @param size the page size
 * @param total the number of rows matching the filters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListResponse<T>(List<T> items, Integer page, Integer size, long total) {}
