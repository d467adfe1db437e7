package io.backforge.api.spec;

import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.templates.spec.Limits;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;

/**
 * Reads a spec from a request body without ever holding more than the size limit: the limit is
 * checked against {@code Content-Length} first and enforced while reading.
 */
public final class SpecBody {

  private SpecBody() {}

  /**
   * The body's bytes; a problem for a body that is too large or not JSON by its {@code
   * Content-Type} (a missing one included: a client that does not say what it sends is told so,
   * rather than having its body guessed at).
   */
  public static byte[] read(HttpServletRequest request) {
    String contentType = request.getContentType();
    if (contentType == null || !isJson(contentType)) {
      throw new ProblemException(Problems.unsupportedMediaType());
    }
    if (request.getContentLengthLong() > Limits.MAX_SPEC_BYTES) {
      throw new ProblemException(Problems.tooLarge(Limits.MAX_SPEC_BYTES));
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(Limits.MAX_SPEC_BYTES + 1);
      if (body.length > Limits.MAX_SPEC_BYTES) {
        throw new ProblemException(Problems.tooLarge(Limits.MAX_SPEC_BYTES));
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isJson(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isCompatibleWith(MediaType.APPLICATION_JSON)
          || type.getSubtype().endsWith("+json");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
