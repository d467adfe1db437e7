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

const CATEGORY_SAMPLES: Record<string, unknown[]> = {
  title: ["title-0", "title-1", "title-2", "title-3", "title-4", "title-5", "title-6", "title-7"],
};

/** A valid body for /api/categories; creates the rows its required relations need. */
export function payloadCategory(api: TestApi): Promise<Body> {
  void api;
  return Promise.resolve(pick(CATEGORY_SAMPLES, next("Category")));
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createCategory(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/categories", { ...(await payloadCategory(api)), ...changes });
}

const TAG_SAMPLES: Record<string, unknown[]> = {
  label: ["label-0", "label-1", "label-2", "label-3", "label-4", "label-5", "label-6", "label-7"],
};

/** A valid body for /api/tags; creates the rows its required relations need. */
export function payloadTag(api: TestApi): Promise<Body> {
  void api;
  return Promise.resolve(pick(TAG_SAMPLES, next("Tag")));
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createTag(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/tags", { ...(await payloadTag(api)), ...changes });
}

const POST_SAMPLES: Record<string, unknown[]> = {
  title: ["title-0", "title-1", "title-2", "title-3", "title-4", "title-5", "title-6", "title-7"],
  body: ["body-0", "body-1", "body-2", "body-3", "body-4", "body-5", "body-6", "body-7"],
  publishedAt: ["2024-01-15T09:30:00Z", "2024-01-15T14:30:00Z", "2024-01-15T19:30:00Z", "2024-01-16T00:30:00Z", "2024-01-16T05:30:00Z", "2024-01-16T10:30:00Z", "2024-01-16T15:30:00Z", "2024-01-16T20:30:00Z"],
  views: [0, 1, 2, 3, 4, 5, 6, 7],
};

/** A valid body for /api/posts; creates the rows its required relations need. */
export function payloadPost(api: TestApi): Promise<Body> {
  void api;
  return Promise.resolve(pick(POST_SAMPLES, next("Post")));
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createPost(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/posts", { ...(await payloadPost(api)), ...changes });
}

const COMMENT_SAMPLES: Record<string, unknown[]> = {
  author: ["author-0", "author-1", "author-2", "author-3", "author-4", "author-5", "author-6", "author-7"],
  text: ["text-0", "text-1", "text-2", "text-3", "text-4", "text-5", "text-6", "text-7"],
};

/** A valid body for /api/comments; creates the rows its required relations need. */
export async function payloadComment(api: TestApi): Promise<Body> {
  const body = pick(COMMENT_SAMPLES, next("Comment"));
  body["postId"] = (await createPost(api)).id;
  return body;
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createComment(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/comments", { ...(await payloadComment(api)), ...changes });
}
