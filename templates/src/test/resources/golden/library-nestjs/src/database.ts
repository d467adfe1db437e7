/**
 * The TypeORM data source of DATABASE_URL: PostgreSQL (`pg`), MySQL/MariaDB (`mysql2`) or SQLite
 * through sql.js (SQLite compiled to WebAssembly: no native addon). The schema is owned by the
 * migrations in src/migrations, run at start-up; TypeORM never synchronizes it.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join } from "node:path";
import type { DataSourceOptions } from "typeorm";
import { AuthAccount } from "./auth/account.entity.js";
import { Author } from "./author/author.entity.js";
import { Book } from "./book/book.entity.js";
import { settleColumnTypes } from "./columns.js";
import { MIGRATIONS } from "./migrations/index.js";
import { PROJECT_ROOT } from "./paths.js";

export const ENTITIES = [AuthAccount, Author, Book];

type SqlJsInit = (config?: object) => Promise<unknown>;
let sqlJs: Promise<unknown> | undefined;

/**
 * sql.js compiled once per process: every SQLite data source (the app's, a test's) shares one
 * WebAssembly instance, so one Wasm memory is reserved however many databases are open.
 */
function sharedSqlJs(config?: object): Promise<unknown> {
  sqlJs ??= (createRequire(import.meta.url)("sql.js") as SqlJsInit)(config);
  return sqlJs;
}

export function dataSourceOptions(url: string): DataSourceOptions {
  const options = optionsOf(url);
  settleColumnTypes(options.type);
  return options;
}

function optionsOf(url: string): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: true, synchronize: false, logging: false } as const;
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { ...common, type: "postgres", url };
  }
  if (url.startsWith("mysql://") || url.startsWith("mariadb://")) {
    // TypeORM reads MariaDB's catalog its own way (column defaults): mariadb:// for a MariaDB server.
    const type = url.startsWith("mariadb:") ? "mariadb" : "mysql";
    return { ...common, type, url: url.replace(/^mariadb:/, "mysql:"), timezone: "Z", supportBigNumbers: true, bigNumberStrings: true };
  }
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length);
    if (path === ":memory:" || path === "") {
      return { ...common, type: "sqljs", driver: sharedSqlJs };
    }
    const location = isAbsolute(path) ? path : join(PROJECT_ROOT, path);
    mkdirSync(dirname(location), { recursive: true });
    return { ...common, type: "sqljs", driver: sharedSqlJs, location, autoSave: true };
  }
  throw new Error(`DATABASE_URL must start with postgresql://, mysql:// or sqlite: (got ${url.split(":")[0]}:…)`);
}
