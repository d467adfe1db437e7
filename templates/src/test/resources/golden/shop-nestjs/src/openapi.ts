/** Serves the OpenAPI 3.0 document generated with this project (src/openapi.json). */
import { Controller, Get, Res } from "@nestjs/common";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Response } from "express";
import { PROJECT_ROOT } from "./paths.js";

export const OPENAPI_DOCUMENT = readFileSync(join(PROJECT_ROOT, "src", "openapi.json"));

@Controller()
export class OpenApiController {
  @Get("openapi.json")
  document(@Res() response: Response): void {
    response.status(200).setHeader("Content-Type", "application/json");
    response.end(OPENAPI_DOCUMENT);
  }
}
