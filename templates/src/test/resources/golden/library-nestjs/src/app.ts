/** Builds the application; `overrides` replace configuration values (tests use this). */
import "reflect-metadata";
import { type INestApplication } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";
import { AppModule } from "./app.module.js";
import { type Config, loadConfig } from "./config.js";
import { ProblemFilter } from "./problems.js";

export async function createApp(overrides: Partial<Config> = {}): Promise<INestApplication> {
  const config = loadConfig(overrides);
  // The body is read by inputs.ts (size limit, strict JSON), never by a body parser.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    logger: config.testing ? false : ["log", "warn", "error"],
  });
  app.disable("x-powered-by");
  app.useGlobalFilters(new ProblemFilter());
  return app;
}
