package io.backforge.api.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page. The wizard and dashboard come with the web UI. */
@ConditionalOnWebApplication
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "index";
  }
}
