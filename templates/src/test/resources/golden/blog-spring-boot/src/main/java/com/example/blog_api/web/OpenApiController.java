package com.example.blog_api.web;

import java.io.IOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the OpenAPI document generated with this project ({@code src/main/resources/openapi.json})
 * as it was shipped, so it is the same at every start and costs no scanning.
 */
@RestController
class OpenApiController {

  private final byte[] document;

  OpenApiController() throws IOException {
    this.document = new ClassPathResource("openapi.json").getContentAsByteArray();
  }

  @GetMapping("/v3/api-docs")
  public ResponseEntity<byte[]> document() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
  }
}
