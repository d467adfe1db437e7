package io.backforge.api.git;

import io.backforge.activities.git.GitPush;
import io.backforge.activities.git.UploadedTree;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Git for generated projects: {@code POST /{id}/push} commits the generation to a branch of a
 * remote ({@code 200} with the commit when it ended within the wait, {@code 202} with the push to
 * poll otherwise); {@code POST /{id}/merge} merges an edited tree sent as a zip.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/projects")
class GitController {

  /** The response header listing the conflicted paths of a merge, comma-separated. */
  static final String CONFLICTS_HEADER = "Backforge-Conflicts";

  private final GitPushService pushes;
  private final MergeService merges;

  GitController(GitPushService pushes, MergeService merges) {
    this.pushes = pushes;
    this.merges = merges;
  }

  /** Pushes the generation; see {@link GitPushService#push}. */
  @PostMapping(path = "/{id}/push", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PushView> push(
      @AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @RequestBody PushBody body) {
    GitPush push = pushes.push(jwt.getSubject(), id, body);
    PushView view = PushView.of(push);
    if (push.status() == GitPush.Status.PENDING) {
      return ResponseEntity.status(HttpStatus.ACCEPTED)
          .location(URI.create(view.links().get("self")))
          .body(view);
    }
    return ResponseEntity.ok(view);
  }

  /** A push of the caller's project. */
  @GetMapping("/{id}/pushes/{pushId}")
  PushView push(
      @AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @PathVariable UUID pushId) {
    return PushView.of(pushes.find(jwt.getSubject(), id, pushId));
  }

  /**
   * The three-way merge of the zip in the body (the user's tree) with this generation, from its
   * parent generation or {@code base}: the merged tree as a zip, the conflicted paths in the {@code
   * Backforge-Conflicts} header and in {@code CONFLICTS.txt}.
   */
  @PostMapping(
      path = "/{id}/merge",
      consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
  ResponseEntity<byte[]> merge(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable UUID id,
      @RequestParam(name = "base", required = false) UUID base,
      HttpServletRequest request) {
    MergeService.MergedZip merged = merges.merge(jwt.getSubject(), id, base, body(request));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(merged.name()).build().toString())
        .header(CONFLICTS_HEADER, String.join(",", merged.conflicts()))
        .body(merged.zip());
  }

  private static byte[] body(HttpServletRequest request) {
    if (request.getContentLengthLong() > UploadedTree.MAX_ZIP_BYTES) {
      throw new ProblemException(Problems.tooLarge(UploadedTree.MAX_ZIP_BYTES));
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(UploadedTree.MAX_ZIP_BYTES + 1);
      if (body.length > UploadedTree.MAX_ZIP_BYTES) {
        throw new ProblemException(Problems.tooLarge(UploadedTree.MAX_ZIP_BYTES));
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
