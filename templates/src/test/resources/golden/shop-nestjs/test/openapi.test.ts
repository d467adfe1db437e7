/** Tests of the OpenAPI document: it is the shipped one and names exactly the app's routes. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../src/paths.js";
import { TestApi } from "./support.js";

const DOCUMENT = readFileSync(join(PROJECT_ROOT, "src", "openapi.json"));
const METHODS = new Set(["get", "put", "post", "delete", "patch"]);

interface Operation {
  operationId: string;
  summary: string;
  security?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

function operations(document: { paths: Record<string, Record<string, Operation>> }): [string, string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]): [string, string, Operation] => [path, method, operation]),
  );
}

/** Every route the Express router has, as "method path" with {param} placeholders. */
function routes(api: TestApi): Set<string> {
  const express = api.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  const out = new Set<string>();
  for (const layer of express.router.stack) {
    if (layer.route === undefined) continue;
    const path = layer.route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    for (const method of Object.keys(layer.route.methods)) {
      if (METHODS.has(method)) out.add(`${method} ${path}`);
    }
  }
  return out;
}

describe("openapi", () => {
  let api: TestApi;
  before(async () => {
    api = await TestApi.start();
  });
  after(async () => {
    await api.stop();
  });

  it("the served document is the shipped one", async () => {
    const answer = await api.get("/openapi.json", { anonymous: true });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get("content-type"), "application/json");
    assert.equal(answer.text, DOCUMENT.toString("utf8"));
    assert.equal(answer.body.openapi, "3.0.3");
  });

  it("the document names every route and no other", async () => {
    const document = (await api.get("/openapi.json", { anonymous: true })).body;
    const documented = new Set(operations(document).map(([path, method]) => `${method} ${path}`));
    assert.deepEqual([...routes(api)].sort(), [...documented].sort());
  });

  it("every operation has an id, a summary, security and responses", async () => {
    const document = (await api.get("/openapi.json", { anonymous: true })).body;
    const ids = operations(document).map(([path, method, operation]) => {
      assert.ok(operation.summary, `${method} ${path}`);
      assert.ok("security" in operation, `${method} ${path}`);
      assert.ok(Object.keys(operation.responses).length > 0, `${method} ${path}`);
      return operation.operationId;
    });
    assert.equal(new Set(ids).size, ids.length);
  });

  it("every error is a problem detail", async () => {
    const document = (await api.get("/openapi.json", { anonymous: true })).body;
    for (const [path, method, operation] of operations(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if ("45".includes(status[0]) && status !== "4XX" && response.content !== undefined) {
          assert.deepEqual(Object.keys(response.content), ["application/problem+json"], `${method} ${path} ${status}`);
        }
      }
    }
  });
});
