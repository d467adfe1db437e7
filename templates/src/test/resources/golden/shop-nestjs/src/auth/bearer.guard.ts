/** Rejects a request with 401 unless it carries a valid bearer token (HS256, signed by /auth/login). */
import { CanActivate, ExecutionContext, Injectable } from "@nestjs/common";
import { JwtService } from "@nestjs/jwt";
import type { Request } from "express";
import { ApiError } from "../problems.js";

function unauthorized(detail: string): ApiError {
  return new ApiError(401, "unauthorized", detail, [], { "WWW-Authenticate": "Bearer" });
}

@Injectable()
export class BearerGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? "";
    const match = /^Bearer ([^\s]+)$/i.exec(header);
    if (match === null) {
      throw unauthorized("A bearer token is required.");
    }
    try {
      await this.jwt.verifyAsync(match[1], { algorithms: ["HS256"] });
    } catch (error) {
      const expired = error instanceof Error && error.name === "TokenExpiredError";
      throw unauthorized(expired ? "The bearer token has expired." : "The bearer token is invalid.");
    }
    return true;
  }
}
