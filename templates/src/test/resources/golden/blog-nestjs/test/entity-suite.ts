/** The tests every entity's endpoints get, driven by the data of its own test file. */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { resetSamples } from "./factories.js";
import { type Answer, TestApi, assertProblem, query } from "./support.js";

type Body = Record<string, unknown>;
type Row = Body & { id: number };

export interface EntityCase {
  name: string;
  url: string;
  create: (api: TestApi, changes?: Body) => Promise<Row>;
  payload: (api: TestApi) => Promise<Body>;
  /** A key the resource does not have: `unknownField`, or longer when it has that one. */
  unknownKey: string;
  decimalKeys: string[];
  /** Decimals whose bounds hold 12345678901234.123456, the widest value a column holds. */
  wideDecimalKeys: string[];
  /** Date-times compare as instants: "2024-01-15T10:00:00Z" is "2024-01-15T10:00:00.000Z". */
  datetimeKeys: string[];
  required: string[];
  invalid: [key: string, value: unknown, label: string][];
  unique: string[];
  sortable: string[];
  filters: string[];
  toOne: string[];
  referencedBy: [create: (api: TestApi, changes?: Body) => Promise<Row>, key: string][];
  /** Many-to-many relations: the key, the path of their list and how to create a target row. */
  toMany: [key: string, path: string, createTarget: (api: TestApi) => Promise<Row>][];
  /** One-to-many lists: their path, how to create a row of the source and its key. */
  referencing: [path: string, createSource: (api: TestApi, changes?: Body) => Promise<Row>, key: string][];
}

const MISSING_ID = 987654321;

/** Exact decimals compare by value: "1.50" and 1.5 are the same. */
function comparable(spec: EntityCase, key: string, value: unknown): unknown {
  if (spec.decimalKeys.includes(key) && value !== null && value !== undefined) {
    return Number(value);
  }
  if (spec.datetimeKeys.includes(key) && typeof value === "string") {
    return Date.parse(value);
  }
  return value;
}

function assertHasValues(spec: EntityCase, expected: Body, actual: Body): void {
  for (const [key, value] of Object.entries(expected)) {
    if (Array.isArray(value)) {
      assert.deepEqual([...(actual[key] as unknown[])].sort(), [...value].sort(), key);
    } else {
      assert.deepEqual(comparable(spec, key, actual[key]), comparable(spec, key, value), key);
    }
  }
}

function ids(answer: Answer): number[] {
  assert.equal(answer.status, 200, answer.text);
  return (answer.body as { items: Row[] }).items.map((item) => item.id);
}

function sorted(values: unknown[], reverse: boolean): unknown[] {
  const copy = [...values].sort((a, b) => {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    return (a as number | string) < (b as number | string) ? -1 : 1;
  });
  return reverse ? copy.reverse() : copy;
}

export function entitySuite(spec: EntityCase): void {
  describe(`${spec.url}`, () => {
    let api: TestApi;
    const { url, create, payload } = spec;

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

    it("create returns the row with its Location", async () => {
      const body = await payload(api);
      const answer = await api.post(url, body);
      assert.equal(answer.status, 201, answer.text);
      const created = answer.body as Row;
      assert.ok(answer.headers.get("location")?.endsWith(`${url}/${created.id}`));
      assertHasValues(spec, body, created);
      assert.match(created.createdAt as string, /Z$/);
      assert.match(created.updatedAt as string, /Z$/);
    });

    it("get returns the stored row", async () => {
      const created = await create(api);
      const answer = await api.get(`${url}/${created.id}`);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, created);
    });

    it("get of an unknown id is 404", async () => {
      assertProblem(await api.get(`${url}/${MISSING_ID}`), 404, "/problems/not-found");
    });

    it("put replaces the row", async () => {
      const created = await create(api);
      const body = await payload(api);
      const answer = await api.put(`${url}/${created.id}`, body);
      assert.equal(answer.status, 200, answer.text);
      assertHasValues(spec, body, answer.body as Body);
      assertHasValues(spec, body, (await api.get(`${url}/${created.id}`)).body as Body);
    });

    it("put of an unknown id is 404", async () => {
      assertProblem(await api.put(`${url}/${MISSING_ID}`, await payload(api)), 404, "/problems/not-found");
    });

    it("patch changes only the given fields", async () => {
      const created = await create(api);
      const other = await payload(api);
      const key = Object.keys(other)[0];
      const change = key === undefined ? {} : { [key]: other[key] };
      const answer = await api.patch(`${url}/${created.id}`, change);
      assert.equal(answer.status, 200, answer.text);
      const expected: Body = { ...created, ...change };
      delete expected.updatedAt;
      assertHasValues(spec, expected, answer.body as Body);
    });

    it("delete removes the row", async () => {
      const created = await create(api);
      assert.equal((await api.delete(`${url}/${created.id}`)).status, 204);
      assertProblem(await api.get(`${url}/${created.id}`), 404, "/problems/not-found");
      assertProblem(await api.delete(`${url}/${created.id}`), 404, "/problems/not-found");
    });

    for (const [createReferrer, key] of spec.referencedBy) {
      it(`delete while referenced by ${key} is 409`, async () => {
        const referenced = await create(api);
        await createReferrer(api, { [key]: referenced.id });
        const answer = await api.delete(`${url}/${String(referenced.id)}`);
        assertProblem(answer, 409, "/problems/conflict");
      });
    }

    it("list is paginated", async () => {
      const created = [await create(api), await create(api), await create(api)].map((row) => row.id);
      const first = await api.get(`${url}?page=1&size=2`);
      assert.deepEqual([first.body.page, first.body.size, first.body.total], [1, 2, 3]);
      assert.deepEqual(ids(first), created.slice(0, 2));
      const second = await api.get(`${url}?page=2&size=2`);
      assert.deepEqual(ids(second), created.slice(2));
      assert.equal(second.body.total, 3);
    });

    it("list rejects a page size over 100", async () => {
      assertProblem(await api.get(`${url}?size=101`), 400, "/problems/validation-failed", "size");
    });

    it("list sorts by id descending", async () => {
      const created = [await create(api), await create(api), await create(api)].map((row) => row.id);
      assert.deepEqual(ids(await api.get(`${url}?sort=-id`)), created.reverse());
    });

    for (const key of spec.sortable) {
      it(`list sorts by ${key}`, async () => {
        for (let i = 0; i < 3; i++) await create(api);
        for (const [prefix, reverse] of [["", false], ["-", true]] as const) {
          const answer = await api.get(`${url}?sort=${prefix}${key}`);
          const values = (answer.body as { items: Body[] }).items.map((item) => comparable(spec, key, item[key]));
          assert.deepEqual(values, sorted(values, reverse));
        }
      });
    }

    it("list rejects an unknown sort key", async () => {
      assertProblem(await api.get(`${url}?sort=${spec.unknownKey}`), 400, "/problems/validation-failed", "sort");
    });

    for (const key of spec.filters) {
      it(`list filters by ${key}`, async () => {
        const wanted = await create(api);
        await create(api);
        const value = wanted[key];
        const answer = await api.get(url + query({ [key]: String(value) }));
        assert.ok(ids(answer).includes(wanted.id));
        for (const item of (answer.body as { items: Body[] }).items) {
          assert.deepEqual(item[key], value);
        }
      });
    }

    it("list rejects an unknown filter", async () => {
      assertProblem(await api.get(`${url}?${spec.unknownKey}=1`), 400, "/problems/validation-failed", spec.unknownKey);
    });

    for (const key of spec.required) {
      it(`create rejects a missing or null ${key}`, async () => {
        const body = await payload(api);
        delete body[key];
        assertProblem(await api.post(url, body), 400, "/problems/validation-failed", key);
        body[key] = null;
        assertProblem(await api.post(url, body), 400, "/problems/validation-failed", key);
      });
    }

    for (const [key, value, label] of spec.invalid) {
      it(`create rejects an invalid ${key} (${label})`, async () => {
        const body = { ...(await payload(api)), [key]: value };
        assertProblem(await api.post(url, body), 400, "/problems/validation-failed", key);
      });
      it(`patch rejects an invalid ${key} (${label})`, async () => {
        const created = await create(api);
        assertProblem(await api.patch(`${url}/${created.id}`, { [key]: value }), 400, "/problems/validation-failed", key);
      });
    }

    it("create rejects an unknown field", async () => {
      const body = { ...(await payload(api)), [spec.unknownKey]: 1 };
      assertProblem(await api.post(url, body), 400, "/problems/validation-failed", spec.unknownKey);
    });

    for (const key of spec.decimalKeys) {
      it(`decimal ${key} accepts a JSON number and keeps it exact`, async () => {
        const body = await payload(api);
        const expected = String(body[key]);
        const text = JSON.stringify({ ...body, [key]: "NUMBER" }).replace('"NUMBER"', expected);
        const answer = await api.post(url, undefined, { body: text, headers: { "Content-Type": "application/json" } });
        assert.equal(answer.status, 201, answer.text);
        assert.equal(typeof answer.body[key], "string");
        assert.equal(Number(answer.body[key]), Number(expected));
      });
    }

    for (const key of spec.wideDecimalKeys) {
      it(`decimal ${key} keeps 14 integer and 6 fractional digits exactly`, async () => {
        const body = { ...(await payload(api)), [key]: "12345678901234.123456" };
        const answer = await api.post(url, body);
        assert.equal(answer.status, 201, answer.text);
        // SQLite keeps decimals as doubles (15 significant digits); PostgreSQL and MySQL keep every one.
        const expected = api.sqlite ? /^12345678901234\.1[0-9]*$/ : /^12345678901234\.123456$/;
        assert.match(answer.body[key] as string, expected);
      });
    }

    it("create rejects a body that is not an object", async () => {
      assertProblem(await api.post(url, [1, 2]), 400, "/problems/validation-failed");
    });

    it("an unsupported method is a problem 405", async () => {
      const answer = await api.post(`${url}/1`, {});
      assertProblem(answer, 405, "/problems/method-not-allowed");
      assert.ok(answer.headers.get("allow")?.includes("GET"));
    });

    for (const key of spec.unique) {
      it(`create with a used ${key} is 409`, async () => {
        const existing = await create(api);
        const body = { ...(await payload(api)), [key]: existing[key] };
        assertProblem(await api.post(url, body), 409, "/problems/conflict", key);
      });
      it(`put with another row's ${key} is 409`, async () => {
        const existing = await create(api);
        const other = await create(api);
        const body = { ...(await payload(api)), [key]: existing[key] };
        assertProblem(await api.put(`${url}/${other.id}`, body), 409, "/problems/conflict", key);
      });
    }

    for (const key of spec.toOne) {
      it(`create with a missing referenced ${key} is 400`, async () => {
        const body = { ...(await payload(api)), [key]: MISSING_ID };
        assertProblem(await api.post(url, body), 400, "/problems/validation-failed", key);
      });
    }

    for (const [key, path, createTarget] of spec.toMany) {
      it(`${key} links rows, answered sorted and listed at /{id}/${path}`, async () => {
        const targets = [(await createTarget(api)).id, (await createTarget(api)).id];
        const created = await create(api, { [key]: [...targets].reverse() });
        assert.deepEqual(created[key], [...targets].sort((a, b) => a - b));
        const linked = ids(await api.get(`${url}/${created.id}/${path}`));
        assert.deepEqual(linked.sort((a, b) => a - b), [...targets].sort((a, b) => a - b));
        const cleared = await api.patch(`${url}/${created.id}`, { [key]: [] });
        assert.equal(cleared.status, 200, cleared.text);
        assert.deepEqual(cleared.body[key], []);
      });
      it(`${key} with a missing row is 400`, async () => {
        const body = { ...(await payload(api)), [key]: [MISSING_ID] };
        assertProblem(await api.post(url, body), 400, "/problems/validation-failed", key);
      });
    }

    for (const [path, createSource, key] of spec.referencing) {
      it(`/{id}/${path} lists the rows whose ${key} is this row`, async () => {
        const parent = await create(api);
        const source = await createSource(api, { [key]: parent.id });
        assert.ok(ids(await api.get(`${url}/${parent.id}/${path}`)).includes(source.id));
      });
    }
  });
}
