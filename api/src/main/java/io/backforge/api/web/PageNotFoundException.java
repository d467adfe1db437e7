package io.backforge.api.web;

/** Ends a page request with the friendly 404 page. */
class PageNotFoundException extends RuntimeException {
  PageNotFoundException() {
    super("not found", null, false, false);
  }
}
