/** Configuration from the environment, after the project's `.env` file (see .env.example). */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./paths.js";

/** The injection token of the Config. */
export const CONFIG = Symbol("CONFIG");

/** HS256 keys shorter than this are guessable (RFC 7518, section 3.2). */
export const MIN_JWT_SECRET_BYTES = 32;

export interface Config {
  /** postgres://…, mysql://…, sqlite:<file> or sqlite::memory: */
  databaseUrl: string;
  port: number;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** scrypt's N (a power of two): the cost of hashing a password. */
  passwordHashCost: number;
  /** Whether the application checks the JWT secret (tests sign with their own key). */
  testing: boolean;
}

/** Variables already set in the environment win over the file. */
function loadEnvFile(): void {
  const file = join(PROJECT_ROOT, ".env");
  if (existsSync(file)) {
    process.loadEnvFile(file);
  }
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  loadEnvFile();
  const env = process.env;
  const config: Config = {
    databaseUrl: env.DATABASE_URL ?? "sqlite:data/shop_backend.sqlite",
    port: Number.parseInt(env.PORT ?? "3000", 10),
    jwtSecret: env.JWT_SECRET ?? "",
    jwtTtlSeconds: 60 * Number.parseInt(env.JWT_TTL_MINUTES ?? "60", 10),
    passwordHashCost: Number.parseInt(env.PASSWORD_HASH_COST ?? "32768", 10),
    testing: false,
    ...overrides,
  };
  if (!config.testing) {
    checkJwtSecret(config.jwtSecret);
  }
  return config;
}

/** Refuses to start without a signing key: every login would fail otherwise. */
export function checkJwtSecret(secret: string): void {
  if (Buffer.byteLength(secret.trim()) < MIN_JWT_SECRET_BYTES) {
    throw new Error(
      `JWT_SECRET must be set to at least ${MIN_JWT_SECRET_BYTES} bytes` +
        " (in the environment or in .env). Generate one with:" +
        ` node -e "console.log(require('crypto').randomBytes(48).toString('base64url'))"`,
    );
  }
}
