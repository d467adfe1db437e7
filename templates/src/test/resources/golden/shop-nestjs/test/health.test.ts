/** Tests of the health endpoint and the problem detail of an unknown path. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { TestApi, assertProblem } from "./support.js";

describe("health", () => {
  let api: TestApi;
  before(async () => {
    api = await TestApi.start();
  });
  after(async () => {
    await api.stop();
  });

  it("reports ok", async () => {
    const answer = await api.get("/health", { anonymous: true });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: "ok" });
  });

  it("an unknown path is a problem 404 without instance", async () => {
    const answer = await api.get("/no/such/path", { anonymous: true });
    const body = assertProblem(answer, 404, "/problems/not-found");
    assert.deepEqual(Object.keys(body).sort(), ["detail", "status", "title", "type"]);
    assert.equal(body.title, "Not found");
  });
});
