package com.example.shop_backend.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a request Tomcat or the security
 * firewall refuses, such as an unknown HTTP method or a query string that is not UTF-8, or an
 * exception outside Spring MVC) answered as this API's problem of that status, in place of Spring
 * Boot's own error body, which names the path and no problem type.
 */
@RestController
class ErrorPage implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<Object> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatusCode status =
        code instanceof Integer value && value >= 400 && value <= 599
            ? HttpStatusCode.valueOf(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    return ProblemHandler.answer(ApiException.http(status), new HttpHeaders());
  }
}
