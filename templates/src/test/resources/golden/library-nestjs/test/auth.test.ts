/** Tests of registration, login and the bearer token on /api endpoints. */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { JwtService } from "@nestjs/jwt";
import { loadConfig } from "../src/config.js";
import { TestApi, assertProblem } from "./support.js";

const PROTECTED_URL = "/api/authors";
const CREDENTIALS = { email: "reader@example.com", password: "correct horse battery" };
const anonymous = { anonymous: true };

describe("auth", () => {
  let api: TestApi;
  before(async () => {
    api = await TestApi.start();
  });
  after(async () => {
    await api.stop();
  });
  beforeEach(async () => {
    await api.reset();
  });

  it("register creates an account", async () => {
    const answer = await api.post("/auth/register", CREDENTIALS, anonymous);
    assert.equal(answer.status, 201, answer.text);
    assert.equal(answer.body.email, CREDENTIALS.email);
    assert.equal(typeof answer.body.id, "number");
    assert.equal(answer.body.password, undefined);
  });

  it("register twice is 409 naming email", async () => {
    await api.post("/auth/register", CREDENTIALS, anonymous);
    const answer = await api.post("/auth/register", { ...CREDENTIALS, email: "Reader@Example.com" }, anonymous);
    assertProblem(answer, 409, "/problems/conflict", "email");
  });

  it("register rejects a short password, naming only it", async () => {
    const answer = await api.post("/auth/register", { email: "a@b.c", password: "x" }, anonymous);
    assertProblem(answer, 400, "/problems/validation-failed");
    const errors = answer.body.errors as { field: string }[];
    assert.deepEqual(
      errors.map((error) => error.field),
      ["password"],
    );
  });

  it("register rejects unknown keys and a bad email", async () => {
    const answer = await api.post("/auth/register", { email: "nope", password: "long enough", role: "admin" }, anonymous);
    assertProblem(answer, 400, "/problems/validation-failed", "role");
    assertProblem(answer, 400, "/problems/validation-failed", "email");
  });

  it("login returns a token that opens the API", async () => {
    await api.post("/auth/register", CREDENTIALS, anonymous);
    const answer = await api.post("/auth/login", CREDENTIALS, anonymous);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.tokenType, "Bearer");
    assert.ok(answer.body.expiresIn > 0);
    const headers = { Authorization: `Bearer ${answer.body.accessToken as string}` };
    assert.equal((await api.get(PROTECTED_URL, { headers })).status, 200);
  });

  it("login with a wrong password is 401", async () => {
    await api.post("/auth/register", CREDENTIALS, anonymous);
    const answer = await api.post("/auth/login", { ...CREDENTIALS, password: "wrong password" }, anonymous);
    assertProblem(answer, 401, "/problems/unauthorized");
  });

  it("login of an unknown account is 401", async () => {
    assertProblem(await api.post("/auth/login", CREDENTIALS, anonymous), 401, "/problems/unauthorized");
  });

  it("the API without a token is a problem 401 with WWW-Authenticate", async () => {
    const answer = await api.get(PROTECTED_URL, anonymous);
    assertProblem(answer, 401, "/problems/unauthorized");
    assert.equal(answer.headers.get("www-authenticate"), "Bearer");
  });

  it("the API with a bad token is 401", async () => {
    const answer = await api.get(PROTECTED_URL, { headers: { Authorization: "Bearer nope" } });
    assertProblem(answer, 401, "/problems/unauthorized");
  });

  it("an expired token is 401", async () => {
    const token = await api.app.get(JwtService).signAsync({ sub: "1" }, { expiresIn: -10 });
    const answer = await api.get(PROTECTED_URL, { headers: { Authorization: `Bearer ${token}` } });
    assertProblem(answer, 401, "/problems/unauthorized");
    assert.match(answer.body.detail as string, /expired/);
  });

  it("a token signed with another key or algorithm is 401", async () => {
    const other = new JwtService({ secret: "another-secret-key-0123456789abcdef0123456789" });
    const foreign = await other.signAsync({ sub: "1" });
    assertProblem(await api.get(PROTECTED_URL, { headers: { Authorization: `Bearer ${foreign}` } }), 401);
    const unsigned = [{ alg: "none", typ: "JWT" }, { sub: "1" }].map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".") + ".";
    assertProblem(await api.get(PROTECTED_URL, { headers: { Authorization: `Bearer ${unsigned}` } }), 401);
  });

  for (const secret of ["", "   ", "shorter-than-32-bytes"]) {
    it(`the app refuses to start with JWT_SECRET ${JSON.stringify(secret)}`, () => {
      assert.throws(() => loadConfig({ jwtSecret: secret, databaseUrl: "sqlite::memory:" }), /JWT_SECRET must be set/);
    });
  }

  it("the app starts with a secret of 32 bytes", () => {
    assert.equal(loadConfig({ jwtSecret: "k".repeat(32), databaseUrl: "sqlite::memory:" }).testing, false);
  });
});
