/**
 * RFC 9457 problem details: every error answers `application/problem+json` of one shape.
 *
 *     {"type": "/problems/validation-failed", "title": "Validation failed", "status": 400,
 *      "detail": "The request is invalid.", "errors": [{"field": "title", "message": "..."}]}
 *
 * `type` is stable per kind of problem and `title` fixed per type; `errors` lists every invalid
 * field and is left out when there is none. Errors the framework raises (unknown path, wrong
 * method) get the type of their status, the same as the other stacks answer.
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from "@nestjs/common";
import type { Request, Response } from "express";
import { QueryFailedError } from "typeorm";
import { allowedMethods } from "./routes.js";

export const PROBLEM_JSON = "application/problem+json";

export const TITLES = {
  "validation-failed": "Validation failed",
  "not-found": "Not found",
  conflict: "Conflict",
  unauthorized: "Unauthorized",
  "method-not-allowed": "Method not allowed",
  "not-acceptable": "Not acceptable",
  "content-too-large": "Content too large",
  "unsupported-media-type": "Unsupported media type",
  "internal-server-error": "Internal server error",
} as const;

export type ProblemKind = keyof typeof TITLES;

const FRAMEWORK_TYPES: Record<number, ProblemKind> = {
  400: "validation-failed",
  401: "unauthorized",
  404: "not-found",
  405: "method-not-allowed",
  406: "not-acceptable",
  413: "content-too-large",
  415: "unsupported-media-type",
};

/** One entry of the "errors" list. */
export interface FieldError {
  field: string | null;
  message: string;
}

export function fieldError(field: string | null, message: string): FieldError {
  return { field, message };
}

/** An error the API reports to the client as a problem detail of type `kind`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function invalid(detail: string, errors: FieldError[] = []): ApiError {
  return new ApiError(400, "validation-failed", detail, errors);
}

export function notFound(detail: string): ApiError {
  return new ApiError(404, "not-found", detail);
}

export function sendProblem(response: Response, error: ApiError): void {
  const body: Record<string, unknown> = {
    type: `/problems/${error.kind}`,
    title: TITLES[error.kind],
    status: error.status,
    detail: error.detail,
  };
  if (error.errors.length > 0) {
    body.errors = error.errors;
  }
  response.status(error.status);
  for (const [name, value] of Object.entries(error.headers)) {
    response.setHeader(name, value);
  }
  response.setHeader("Content-Type", PROBLEM_JSON);
  response.end(JSON.stringify(body));
}

/** Unique and foreign-key violations the checks before a write could not see (a race). */
function isConflict(error: QueryFailedError<Error>): boolean {
  const driverError = error.driverError as { code?: string; errno?: number } | undefined;
  const code = String(driverError?.code ?? "");
  const message = error.message;
  return (
    code === "23505" ||
    code === "23503" ||
    code === "ER_DUP_ENTRY" ||
    code.startsWith("ER_ROW_IS_REFERENCED") ||
    code.startsWith("ER_NO_REFERENCED_ROW") ||
    /UNIQUE constraint failed|FOREIGN KEY constraint failed/.test(message)
  );
}

/** Makes every error a problem detail. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger("ProblemFilter");

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    sendProblem(response, this.toApiError(exception, request));
  }

  private toApiError(exception: unknown, request: Request): ApiError {
    if (exception instanceof ApiError) {
      return exception;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) {
        const allowed = allowedMethods(request.path);
        if (allowed.length > 0) {
          return new ApiError(405, "method-not-allowed", "The method is not allowed for the requested URL.", [], {
            Allow: allowed.join(", "),
          });
        }
        return notFound("The requested URL was not found on the server.");
      }
      const kind = FRAMEWORK_TYPES[status];
      if (kind !== undefined) {
        return new ApiError(status, kind, exception.message);
      }
    }
    if (exception instanceof QueryFailedError && isConflict(exception as QueryFailedError<Error>)) {
      return new ApiError(409, "conflict", "The request conflicts with existing data.");
    }
    this.logger.error("Unhandled error", exception instanceof Error ? exception.stack : String(exception));
    return new ApiError(500, "internal-server-error", "Unexpected server error.");
  }
}
