/**
 * Valid request bodies and rows for the tests, built from sample values that satisfy the spec.
 * Each call takes the next sample, so unique fields get distinct values within a test.
 */
import assert from "node:assert/strict";
import type { TestApi } from "./support.js";

const counters = new Map<string, number>();

/** Starts every entity's samples from the first again. */
export function resetSamples(): void {
  counters.clear();
}

function next(name: string): number {
  const n = counters.get(name) ?? 0;
  counters.set(name, n + 1);
  return n;
}

type Body = Record<string, unknown>;
type Row = Record<string, unknown> & { id: number };

function pick(samples: Record<string, unknown[]>, n: number): Body {
  return Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, values[n % values.length]]));
}

async function create(api: TestApi, url: string, body: Body): Promise<Row> {
  const answer = await api.post(url, body);
  assert.equal(answer.status, 201, answer.text);
  return answer.body as Row;
}

const AUTHOR_SAMPLES: Record<string, unknown[]> = {
  name: ["name-0", "name-1", "name-2", "name-3", "name-4", "name-5", "name-6", "name-7"],
  born: ["2024-01-15", "2024-01-18", "2024-01-21", "2024-01-24", "2024-01-27", "2024-01-30", "2024-02-02", "2024-02-05"],
};

/** A valid body for /api/authors; creates the rows its required relations need. */
export function payloadAuthor(api: TestApi): Promise<Body> {
  void api;
  return Promise.resolve(pick(AUTHOR_SAMPLES, next("Author")));
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createAuthor(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/authors", { ...(await payloadAuthor(api)), ...changes });
}

const BOOK_SAMPLES: Record<string, unknown[]> = {
  title: ["title-0", "title-1", "title-2", "title-3", "title-4", "title-5", "title-6", "title-7"],
  isbn: ["041200-779", "0615523811553163", "-7918422-75674", "2946148-478607-0", "-0865666022", "3695803432605", "02-9-65599", "94501126598-27523"],
  price: ["0.25", "0", "1.25", "1", "2.25", "2", "3.25", "3"],
  published: [true, false],
};

/** A valid body for /api/books; creates the rows its required relations need. */
export async function payloadBook(api: TestApi): Promise<Body> {
  const body = pick(BOOK_SAMPLES, next("Book"));
  body["authorId"] = (await createAuthor(api)).id;
  return body;
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createBook(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/books", { ...(await payloadBook(api)), ...changes });
}
