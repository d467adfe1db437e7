/**
 * Hostile input answers a 4xx problem detail, never a 5xx, whatever the database.
 *
 * Integers beyond their 32 or 64 bits, text no database stores as sent (NUL, lone surrogates,
 * bytes that are not UTF-8), bodies over 1 MiB (chunked too), nested too deeply, not JSON or with
 * unknown keys, and date-times finer than microseconds, on every resource.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { createCustomer, payloadCustomer, createProduct, payloadProduct, createOrder, payloadOrder, createOrderLine, payloadOrderLine, resetSamples } from "./factories.js";
import { type Answer, TestApi, assertProblem, query } from "./support.js";

const MAX_BODY = 1024 * 1024;
const HUGE = "99999999999999999999";
const DIGITS_5000 = "9".repeat(5000);
const JSON_TYPE = { "Content-Type": "application/json" };

type Factory = (api: TestApi) => Promise<Record<string, unknown>>;
const ENTITIES: [url: string, create: (api: TestApi) => Promise<{ id: number }>, payload: Factory][] = [
  ["/api/customers", createCustomer, payloadCustomer],
  ["/api/products", createProduct, payloadProduct],
  ["/api/orders", createOrder, payloadOrder],
  ["/api/order-lines", createOrderLine, payloadOrderLine],
];
const TEXT: [string, string][] = [
  ["/api/customers", "email"],
  ["/api/customers", "fullName"],
  ["/api/products", "sku"],
  ["/api/products", "name"],
  ["/api/orders", "note"],
];
const TEXT_FILTERS = TEXT;
const INTEGERS: [string, string, number][] = [
  ["/api/products", "stock", 32],
  ["/api/orders", "customerId", 64],
  ["/api/order-lines", "quantity", 32],
  ["/api/order-lines", "orderId", 64],
  ["/api/order-lines", "productId", 64],
];
const INTEGER_FILTERS: [string, string, number][] = [
  ["/api/customers", "id", 64],
  ["/api/products", "id", 64],
  ["/api/products", "stock", 32],
  ["/api/orders", "id", 64],
  ["/api/orders", "customerId", 64],
  ["/api/order-lines", "id", 64],
  ["/api/order-lines", "quantity", 32],
  ["/api/order-lines", "orderId", 64],
  ["/api/order-lines", "productId", 64],
];
const DECIMALS: [string, string][] = [
  ["/api/products", "price"],
  ["/api/order-lines", "unitPrice"],
];
const DECIMAL_FILTERS = DECIMALS;

/** A body of one key whose value is `jsonText` as written, digits no parser rounded. */
function member(key: string, jsonText: string): string {
  return `{${JSON.stringify(key)}: ${jsonText}}`;
}

function items(answer: Answer): number[] {
  assert.equal(answer.status, 200, answer.text);
  return (answer.body as { items: { id: number }[] }).items.map((item) => item.id);
}

function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(at, at + 65536));
      at += 65536;
    },
  });
}

describe("hostile input", () => {
  let api: TestApi;
  const raw = (url: string, body: string | Uint8Array, headers: Record<string, string> = JSON_TYPE) => api.request("POST", url, { body, headers });

  before(async () => {
    api = await TestApi.start();
  });
  after(async () => {
    await api.stop();
  });
  beforeEach(async () => {
    await api.reset();
    resetSamples();
  });

  for (const [url, create, payload] of ENTITIES) {
    it(`${url}: an id beyond 64 bits is not found`, async () => {
      for (const id of [HUGE, (2n ** 63n).toString(), DIGITS_5000]) {
        assertProblem(await api.get(`${url}/${id}`), 404);
        assertProblem(await api.put(`${url}/${id}`, {}), 404);
        assertProblem(await api.patch(`${url}/${id}`, {}), 404);
        assertProblem(await api.delete(`${url}/${id}`), 404);
      }
    });

    it(`${url}: the largest 64-bit id is looked up and not found`, async () => {
      assertProblem(await api.get(`${url}/${(2n ** 63n - 1n).toString()}`), 404, "/problems/not-found");
    });

    it(`${url}: an id that is not a number is not found`, async () => {
      for (const id of ["abc", "1.5", "-1", "%00", "1e3"]) {
        assertProblem(await api.get(`${url}/${id}`), 404, "/problems/not-found");
      }
    });

    it(`${url}: a page or size beyond its bounds is rejected`, async () => {
      for (const value of [String(2 ** 31), HUGE, DIGITS_5000, "0", "-1", "1.5", "\u00b2"]) {
        assertProblem(await api.get(url + query({ page: value })), 400, undefined, "page");
      }
      for (const value of ["101", HUGE, DIGITS_5000, "0"]) {
        assertProblem(await api.get(url + query({ size: value })), 400, undefined, "size");
      }
    });

    it(`${url}: the last int32 page is an empty page`, async () => {
      await create(api);
      const answer = await api.get(url + query({ page: String(2 ** 31 - 1), size: "100" }));
      assert.deepEqual(items(answer), []);
      assert.equal(answer.body.total, 1);
    });

    it(`${url}: unstorable text in any query parameter is rejected`, async () => {
      for (const value of ["a%00b", "%ED%A0%80", "%FF"]) {
        assertProblem(await api.get(`${url}?id=${value}`), 400, undefined, "id");
      }
      assertProblem(await api.get(`${url}?%FF=1`), 400);
    });

    it(`${url}: unstorable text in a body key is rejected`, async () => {
      assertProblem(await raw(url, '{"\\ud800": 1}'), 400, undefined, "\\ud800");
      assertProblem(await api.post(url, { "a\u0000": 1 }), 400, undefined, "a\\u0000");
      assertProblem(await raw(url, Buffer.from([...Buffer.from('{"a": "'), 0xed, 0xa0, 0x80, ...Buffer.from('"}')])), 400, undefined, "a");
    });

    it(`${url}: a deeply nested body is rejected`, async () => {
      assertProblem(await raw(url, "[".repeat(5000)), 400);
      assertProblem(await raw(url, "[".repeat(5000) + "]".repeat(5000)), 400);
      assertProblem(await raw(url, `{"a": ${"[".repeat(100)}${"]".repeat(100)}}`), 400);
    });

    it(`${url}: a body that is not JSON is rejected`, async () => {
      for (const text of ["", "{", "NaN", '{"a": NaN}', '{"a": Infinity}', `{"a": ${DIGITS_5000}}`, "{'a': 1}", '{"a": 1,}', '{"a": 01}']) {
        assertProblem(await raw(url, text), 400);
      }
      assertProblem(await raw(url, Buffer.from([...Buffer.from('{"a": "'), 0xff, ...Buffer.from('"}')])), 400);
    });

    it(`${url}: a body over 1 MiB is rejected with 413`, async () => {
      const text = JSON.stringify({ a: "x".repeat(MAX_BODY) });
      assertProblem(await raw(url, text), 413, "/problems/content-too-large");
      assertProblem(await api.request("POST", url, { body: chunked(text), headers: JSON_TYPE }), 413);
    });

    it(`${url}: a body of exactly 1 MiB is read`, async () => {
      const text = JSON.stringify({ "no-such-field": "x".repeat(MAX_BODY - 20) });
      assert.equal(text.length, MAX_BODY);
      assertProblem(await raw(url, text), 400, undefined, "no-such-field");
    });

    it(`${url}: a body that is not declared JSON is rejected with 415`, async () => {
      const created = await create(api);
      const text = JSON.stringify(await payload(api));
      for (const type of ["text/plain", "application/x-www-form-urlencoded", null]) {
        const headers: Record<string, string> = type === null ? {} : { "Content-Type": type };
        const body = Buffer.from(text);
        assertProblem(await api.request("POST", url, { body, headers }), 415, "/problems/unsupported-media-type");
        assertProblem(await api.request("PUT", `${url}/${created.id}`, { body, headers }), 415);
        assertProblem(await api.request("PATCH", `${url}/${created.id}`, { body: Buffer.from("{}"), headers }), 415);
      }
    });

    it(`${url}: JSON with a charset or a +json suffix is read`, async () => {
      const text = JSON.stringify(await payload(api));
      const answer = await raw(url, text, { "Content-Type": "application/json; charset=utf-8" });
      assert.equal(answer.status, 201, answer.text);
      const row = `${url}/${String(answer.body.id)}`;
      const patched = await api.request("PATCH", row, { body: "{}", headers: { "Content-Type": "application/merge-patch+json" } });
      assert.equal(patched.status, 200, patched.text);
    });

    it(`${url}: unknown keys are rejected by every write`, async () => {
      const created = await create(api);
      const body = { ...(await payload(api)), "no-such-field": 1 };
      assertProblem(await api.post(url, body), 400, undefined, "no-such-field");
      assertProblem(await api.put(`${url}/${created.id}`, body), 400, undefined, "no-such-field");
      assertProblem(await api.patch(`${url}/${created.id}`, { "no-such-field": 1 }), 400, undefined, "no-such-field");
    });

    it(`${url}: a __proto__ key is an unknown key, not a prototype`, async () => {
      assertProblem(await raw(url, '{"__proto__": {"admin": true}}'), 400, undefined, "__proto__");
    });
  }

  for (const [url, key, bits] of INTEGER_FILTERS) {
    it(`${url}: an integer filter ${key} beyond its bits is rejected`, async () => {
      const limit = 2n ** BigInt(bits - 1);
      for (const value of [limit.toString(), (-limit - 1n).toString(), HUGE, DIGITS_5000]) {
        assertProblem(await api.get(url + query({ [key]: value })), 400, undefined, key);
      }
      assert.deepEqual(items(await api.get(url + query({ [key]: (limit - 1n).toString() }))), []);
    });
  }

  for (const [url, key] of TEXT_FILTERS) {
    it(`${url}: unstorable text in the filter ${key} is rejected`, async () => {
      for (const value of ["a%00b", "%ED%A0%80", "%FF"]) {
        assertProblem(await api.get(`${url}?${key}=${value}`), 400, undefined, key);
      }
    });
  }

  for (const [url, key] of TEXT) {
    it(`${url}: a lone surrogate in ${key} is rejected`, async () => {
      const text = JSON.stringify({ [key]: "a\ud800b" });
      assert.ok(text.includes("\\ud800"));
      assertProblem(await raw(url, text), 400, undefined, key);
      assertProblem(await raw(url, JSON.stringify({ [key]: ["\udfff"] })), 400, undefined, key);
    });

    it(`${url}: a NUL character in ${key} is rejected`, async () => {
      assertProblem(await api.post(url, { [key]: "a\u0000b" }), 400, undefined, key);
    });
  }

  for (const [url, key, bits] of INTEGERS) {
    it(`${url}: an integer ${key} beyond its bits in a body is rejected`, async () => {
      const high = 2n ** BigInt(bits - 1) - 1n;
      const low = -(2n ** BigInt(bits - 1));
      for (const value of [(high + 1n).toString(), (low - 1n).toString(), HUGE, (2n ** 63n).toString()]) {
        assertProblem(await raw(url, member(key, value)), 400, undefined, key);
      }
    });
  }

  for (const [url, key] of DECIMALS) {
    it(`${url}: a decimal ${key} beyond any column is rejected in a body`, async () => {
      for (const value of ["1e999999999999999999", "-1e999999999999999999", "1e-999999999999999999", "1e99999999999999999999"]) {
        assertProblem(await raw(url, member(key, value)), 400, undefined, key);
      }
    });
  }

  for (const [url, key] of DECIMAL_FILTERS) {
    it(`${url}: a decimal filter ${key} is a number, and one no column holds matches nothing`, async () => {
      for (const value of ["NaN", "sNaN", "Infinity", "-Infinity", "1e", "0x10", " 1"]) {
        assertProblem(await api.get(url + query({ [key]: value })), 400, undefined, key);
      }
      for (const value of ["1e999999", "1e99999999999999999999", "1e-999999", "0.0000001"]) {
        assert.deepEqual(items(await api.get(url + query({ [key]: value }))), []);
      }
    });
  }

  it("auth rejects hostile bodies", async () => {
    for (const path of ["/auth/register", "/auth/login"]) {
      const valid = JSON.stringify({ email: "a@b.c", password: "long enough" });
      assertProblem(await api.request("POST", path, { body: valid, headers: { "Content-Type": "text/plain" }, anonymous: true }), 415);
      assertProblem(await api.request("POST", path, { body: "[".repeat(5000), headers: JSON_TYPE, anonymous: true }), 400);
      const text = '{"email": "a@b.c", "password": "long enough\\ud800"}';
      assertProblem(await api.request("POST", path, { body: text, headers: JSON_TYPE, anonymous: true }), 400, undefined, "password");
      assertProblem(await api.post(path, { email: "a\u0000@b.c", password: "long enough" }, { anonymous: true }), 400, undefined, "email");
    }
  });
});
