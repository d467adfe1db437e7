package io.backforge.api.ratelimit;

import io.backforge.activities.store.ProjectStore;
import io.backforge.api.ratelimit.RateLimiter.Budget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * <<<<<<< HEAD Per-user rate limits on the calls that cost: {@code POST /api/projects} and {@code
 * POST /api/projects/{id}/revisions} (a generation) and {@code POST /api/specs/draft} (a language
 * model call). The check runs after authentication and before the controller reads the body, so a
 * limited request stores and starts nothing. Repeating a submission under an {@code
 * Idempotency-Key} that already created a project is free: it creates nothing, so a client retrying
 * after a timeout is never punished for it. ======= Per-user rate limits on the calls that cost:
 * {@code POST /api/projects} (a generation) and {@code POST /api/specs/draft} (a language model
 * call), {@code POST /api/projects/{id}/push} and {@code /merge} (a git push, a merge of an
 * uploaded tree). The check runs after authentication and before the controller reads the body, so
 * a limited request stores and starts nothing. Repeating a submission under an {@code
 * Idempotency-Key} that already created a project is free: it creates nothing, so a client retrying
 * after a timeout is never punished for it. >>>>>>> git
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration implements WebMvcConfigurer {

  private final RateLimiter limiter;
  private final ProjectStore projects;

  RateLimitConfiguration(RateLimitProperties properties, ProjectStore projects) {
    this.limiter = new RateLimiter(properties, System::nanoTime);
    this.projects = projects;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new Limit(Budget.SUBMISSIONS, true))
        .addPathPatterns(
            "/api/projects",
            "/api/projects/",
            "/api/projects/*/revisions",
            "/wizard/generate",
            "/projects/*/regenerate");
    registry.addInterceptor(new Limit(Budget.DRAFTS, false)).addPathPatterns("/api/specs/draft");
    registry
        .addInterceptor(new Limit(Budget.PUSHES, false))
        .addPathPatterns("/api/projects/*/push", "/api/projects/*/merge");
  }

  private final class Limit implements HandlerInterceptor {
    private final Budget budget;
    private final boolean replaysAreFree;

    Limit(Budget budget, boolean replaysAreFree) {
      this.budget = budget;
      this.replaysAreFree = replaysAreFree;
    }

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      Principal user = request.getUserPrincipal();
      if (!"POST".equals(request.getMethod()) || user == null) {
        return true;
      }
      String subject = subject(user);
      if (replaysAreFree && isReplay(subject, request.getHeader("Idempotency-Key"))) {
        return true;
      }
      limiter.acquire(subject, budget);
      return true;
    }

    /** The token's or the signed-in page user's {@code sub}: one budget for both. */
    private static String subject(Principal user) {
      if (user instanceof Authentication authentication) {
        Object principal = authentication.getPrincipal();
        if (principal instanceof OidcUser oidc) {
          return oidc.getSubject();
        }
        if (principal instanceof OAuth2User oauth && oauth.getAttribute("sub") != null) {
          return String.valueOf((Object) oauth.getAttribute("sub"));
        }
      }
      return user.getName();
    }

    private boolean isReplay(String owner, String key) {
      return key != null
          && key.length() <= 200
          && projects.findByIdempotencyKey(owner, key).isPresent();
    }
  }
}
