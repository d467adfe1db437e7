/** The application module: the data source, the token signer and every controller. */
import { DynamicModule, Module } from "@nestjs/common";
import { createSecretKey } from "node:crypto";
import { JwtModule } from "@nestjs/jwt";
import { TypeOrmModule } from "@nestjs/typeorm";
import { AuthAccount } from "./auth/account.entity.js";
import { AuthController } from "./auth/auth.controller.js";
import { BearerGuard } from "./auth/bearer.guard.js";
import { AuthorController } from "./author/author.controller.js";
import { BookController } from "./book/book.controller.js";
import { CONFIG, type Config } from "./config.js";
import { CrudService } from "./crud.js";
import { dataSourceOptions } from "./database.js";
import { HealthController } from "./health.js";
import { OpenApiController } from "./openapi.js";

@Module({})
export class AppModule {
  static register(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        TypeOrmModule.forFeature([AuthAccount]),
        JwtModule.register({
          // A KeyObject: jsonwebtoken would otherwise try (and fail) to read the secret as a
          // public key on every verification, the most expensive part of a request.
          secret: createSecretKey(Buffer.from(config.jwtSecret)),
          signOptions: { algorithm: "HS256", expiresIn: config.jwtTtlSeconds },
          verifyOptions: { algorithms: ["HS256"] },
        }),
      ],
      controllers: [HealthController, OpenApiController, AuthController, AuthorController, BookController],
      providers: [{ provide: CONFIG, useValue: config }, CrudService, BearerGuard],
    };
  }
}
