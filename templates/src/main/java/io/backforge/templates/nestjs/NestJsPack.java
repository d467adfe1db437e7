package io.backforge.templates.nestjs;

import io.backforge.templates.generate.StackGenerator;
import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.VerificationRecipe;
import io.backforge.templates.spec.Database;
import io.backforge.templates.spec.Stack;

/** The NestJS stack: TypeScript projects on NestJS 12, Express and TypeORM 1. */
public final class NestJsPack implements StackPack {

  /** Its catalog id, {@code nestjs}. */
  public static final Stack STACK = new Stack("nestjs");

  private final NestJsGenerator generator = new NestJsGenerator();
  private final VerificationRecipe recipe = NestJsVerification.recipe();

  @Override
  public Stack stack() {
    return STACK;
  }

  @Override
  public String title() {
    return "NestJS 12 (TypeScript)";
  }

  @Override
  public String libraries() {
    return "NestJS, Express, TypeORM, @nestjs/jwt, node:test";
  }

  @Override
  public String openApiPath() {
    return "/openapi.json";
  }

  @Override
  public String verification() {
    return "npm ci (offline), tsc, ESLint and its own tests";
  }

  @Override
  public String driver(Database database) {
    return switch (database) {
      case POSTGRESQL -> "pg";
      case SQLITE -> "sql.js (SQLite compiled to WebAssembly)";
      case MYSQL -> "mysql2";
    };
  }

  @Override
  public StackGenerator generator() {
    return generator;
  }

  @Override
  public VerificationRecipe verificationRecipe() {
    return recipe;
  }
}
