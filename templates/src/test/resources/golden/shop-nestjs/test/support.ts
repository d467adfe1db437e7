/**
 * One application per process, shared by its test files (node --test runs each shard in its own
 * process), on an in-memory SQLite database (sql.js) migrated at start-up; `reset()` empties every table before
 * each test, so ids count from 1 again and nothing is left behind by an earlier test.
 */
import assert from "node:assert/strict";
import { after } from "node:test";
import type { INestApplication } from "@nestjs/common";
import { JwtService } from "@nestjs/jwt";
import type { IncomingMessage, ServerResponse } from "node:http";
import inject from "light-my-request";
import { Readable } from "node:stream";
import { DataSource } from "typeorm";
import { createApp } from "../src/app.js";
import type { Config } from "../src/config.js";

/** TEST_DATABASE_URL runs the suite on another database (PostgreSQL, MySQL); it is emptied. */
export const TEST_CONFIG: Partial<Config> = {
  testing: true,
  databaseUrl: process.env.TEST_DATABASE_URL ?? "sqlite::memory:",
  jwtSecret: "test-only-secret-key-0123456789abcdef0123456789",
  passwordHashCost: 1024,
};

interface SqlJsDatabase {
  exec(sql: string): { values: unknown[][] }[];
}

/** Tables children first, so that deleting in this order breaks no foreign key. */
const TABLES = ["order_lines", "orders", "products", "customers", "auth_accounts"];

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body as JSON; undefined when it is not JSON. */
  body: any;
}

export interface RequestOptions {
  /** An object or array is sent as JSON; a string or bytes as they are. */
  json?: unknown;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  /** Without the bearer token. */
  anonymous?: boolean;
}

/** TEST_OVER_HTTP=1 sends every request over a socket (fetch) instead of in-process. */
const INJECT = process.env.TEST_OVER_HTTP !== "1";

let shared: Promise<TestApi> | undefined;

// The test files of a process share one application (the suite's cost was mostly starting one per
// file); it is closed once, after every test of the process ran.
after(async () => {
  if (shared !== undefined) {
    await (await shared).app.close();
  }
});

export class TestApi {
  private readonly handler: (request: IncomingMessage, response: ServerResponse) => void;

  private constructor(
    readonly app: INestApplication,
    private readonly base: string,
    readonly token: string,
    private readonly isShared: boolean,
  ) {
    this.handler = app.getHttpAdapter().getInstance() as (request: IncomingMessage, response: ServerResponse) => void;
  }

  /** The application of the test configuration (shared by the process), or one with `overrides`. */
  static start(overrides: Partial<Config> = {}): Promise<TestApi> {
    if (Object.keys(overrides).length > 0) {
      return TestApi.create(overrides, false);
    }
    shared ??= TestApi.create({}, true);
    return shared;
  }

  private static async create(overrides: Partial<Config>, isShared: boolean): Promise<TestApi> {
    const app = await createApp({ ...TEST_CONFIG, ...overrides });
    await app.listen(0, "127.0.0.1");
    const server = app.getHttpServer() as import("node:http").Server;
    const address = server.address() as { port: number };
    // A token signed once; it does not expire, however long the run.
    const token = await app.get(JwtService).signAsync({ sub: "test" }, { expiresIn: "1d" });
    return new TestApi(app, `http://127.0.0.1:${address.port}`, token, isShared);
  }

  /** Whether the database is SQLite (sql.js). */
  get sqlite(): boolean {
    return this.app.get(DataSource).options.type === "sqljs";
  }

  async reset(): Promise<void> {
    const dataSource = this.app.get(DataSource);
    const quoted = TABLES.map((table) => dataSource.driver.escape(table));
    switch (dataSource.options.type) {
      case "postgres":
        await dataSource.query(`TRUNCATE ${quoted.join(", ")} RESTART IDENTITY CASCADE`);
        break;
      case "mysql":
      case "mariadb":
        await dataSource.query("SET FOREIGN_KEY_CHECKS = 0");
        for (const table of quoted) {
          await dataSource.query(`DELETE FROM ${table}`);
          await dataSource.query(`ALTER TABLE ${table} AUTO_INCREMENT = 1`);
        }
        await dataSource.query("SET FOREIGN_KEY_CHECKS = 1");
        break;
      default: {
        // sql.js: one call, straight to the database, emptying only the tables written since
        // the last reset (every insert leaves its table in sqlite_sequence).
        const database = (dataSource.driver as unknown as { databaseConnection: SqlJsDatabase }).databaseConnection;
        const written = new Set((database.exec("SELECT name FROM sqlite_sequence")[0]?.values ?? []).map((row) => String(row[0])));
        const deletes = TABLES.filter((table) => written.has(table)).map((table) => `DELETE FROM "${table}";`);
        if (deletes.length > 0) {
          // Off while emptying: tables may point at each other (a cycle of references).
          database.exec("PRAGMA foreign_keys = OFF;" + deletes.join("") + "DELETE FROM sqlite_sequence;PRAGMA foreign_keys = ON;");
        }
      }
    }
  }

  /** Closes an application of its own; the shared one is closed after the last test. */
  async stop(): Promise<void> {
    if (!this.isShared) {
      await this.app.close();
    }
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (!options.anonymous && this.token !== "" && headers.Authorization === undefined) {
      headers.Authorization = `Bearer ${this.token}`;
    }
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["Content-Type"] ??= "application/json";
    }
    if (!INJECT) {
      return this.overHttp(method, path, headers, body);
    }
    // In-process: the request goes straight to the Express app, no socket (light-my-request).
    const payload = body instanceof ReadableStream ? Readable.fromWeb(body as never) : body === undefined ? undefined : Buffer.from(body);
    if (payload instanceof Readable) {
      headers["Transfer-Encoding"] = "chunked";
    }
    const response = await inject(this.handler, { method: method as "GET", url: path, headers, payload });
    let json: unknown;
    try {
      json = JSON.parse(response.payload);
    } catch {
      json = undefined;
    }
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) answerHeaders.set(name, String(value));
    }
    return { status: response.statusCode, headers: answerHeaders, text: response.payload, body: json };
  }

  private async overHttp(method: string, path: string, headers: Record<string, string>, body: RequestOptions["body"]): Promise<Answer> {
    const init: RequestInit & { duplex?: string } = { method, headers, body };
    if (body instanceof ReadableStream) {
      init.duplex = "half";
    }
    const response = await fetch(this.base + path, init);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: json };
  }

  get(path: string, options?: RequestOptions) {
    return this.request("GET", path, options);
  }
  post(path: string, json?: unknown, options?: RequestOptions) {
    return this.request("POST", path, { json, ...options });
  }
  put(path: string, json?: unknown, options?: RequestOptions) {
    return this.request("PUT", path, { json, ...options });
  }
  patch(path: string, json?: unknown, options?: RequestOptions) {
    return this.request("PATCH", path, { json, ...options });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request("DELETE", path, options);
  }
}

/** A query string of `params`, each value percent-encoded. */
export function query(params: Record<string, string>): string {
  return "?" + new URLSearchParams(params).toString();
}

/** Asserts a problem detail of `status` (and `type`, and an error naming `field`); returns it. */
export function assertProblem(answer: Answer, status: number, type?: string, field?: string) {
  assert.equal(answer.status, status, answer.text);
  assert.match(answer.headers.get("content-type") ?? "", /^application\/problem\+json/);
  const body = answer.body as { type: string; title: string; status: number; detail: string; errors?: { field: string }[] };
  assert.equal(body.status, status);
  assert.equal(typeof body.title, "string");
  assert.equal(typeof body.detail, "string");
  if (type !== undefined) {
    assert.equal(body.type, type);
  }
  if (field !== undefined) {
    assert.ok((body.errors ?? []).some((error) => error.field === field), answer.text);
  }
  return body;
}
