/**
 * CRUD handling shared by every entity's controller.
 *
 * A resource is described by data (its fields and relations); the service turns requests into
 * queries and rows into JSON the same way for every entity.
 */
import { Injectable } from "@nestjs/common";
import type { Request } from "express";
import { Brackets, DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { JsonObject, jsonObject, queryArgs } from "./inputs.js";
import { ApiError, FieldError, fieldError, invalid, notFound } from "./problems.js";
import { Field, InvalidValue, Kind, MAX_ROW_ID, NoRowHolds, bodyValue, formatDecimal, idListValue, idValue, queryValue } from "./validation.js";

export const PAGINATED: boolean = true;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** The OpenAPI document declares page an int32. */
export const MAX_PAGE = 2 ** 31 - 1;
const PAGING_PARAMS = new Set(["page", "size", "sort"]);

/** A many-to-one relation, sent and returned as `<name>Id` (also the entity's property). */
export interface ToOne {
  key: string;
  target: string;
  required?: boolean;
}

/** A many-to-one property of another resource that points at this one. */
export interface Inbound {
  source: string;
  key: string;
}

/** A many-to-many relation, sent and returned as `<name>Ids`, kept in an association table. */
export interface ToMany {
  key: string;
  target: string;
  table: string;
  ownerColumn: string;
  targetColumn: string;
}

/** A column of another resource's association table that points at this one. */
export interface InboundMany {
  table: string;
  column: string;
}

/** Everything the CRUD functions need to know about one entity. */
export interface Resource {
  name: string;
  path: string;
  entity: EntityTarget<ObjectLiteral>;
  fields: readonly Field[];
  toOne: readonly ToOne[];
  inbound: readonly Inbound[];
  toMany: readonly ToMany[];
  inboundMany: readonly InboundMany[];
}

/** The properties every entity has besides its fields. */
export interface Row extends ObjectLiteral {
  id: number;
  createdAt: Date;
  updatedAt: Date;
}

const RESOURCES = new Map<string, Resource>();

/** Makes `resource` known by name, so relations can find it at request time. */
export function register(resource: Resource): Resource {
  RESOURCES.set(resource.name, resource);
  return resource;
}

function resourceNamed(name: string): Resource {
  const resource = RESOURCES.get(name);
  if (resource === undefined) {
    throw new Error(`Unknown resource ${name}`);
  }
  return resource;
}

function byField(a: FieldError, b: FieldError): number {
  const x = a.field ?? "";
  const y = b.field ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

function encode(kind: Kind, value: unknown): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  switch (kind) {
    case "decimal":
      return formatDecimal(value);
    case "datetime":
      return (value as Date).toISOString();
    case "long":
      // bigint columns come back as text; the API answers JSON integers.
      return Number(value);
    default:
      return value;
  }
}

/** The entity property of a field. */
function propertyOf(field: Field): string {
  return field.property ?? field.key;
}

/** The JSON form of `row`, with the ids its many-to-many relations hold (`links`, by key). */
export function dump(resource: Resource, row: Row, links: Map<string, number[]> = new Map()): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id };
  for (const field of resource.fields) {
    out[field.key] = encode(field.kind, row[propertyOf(field)]);
  }
  for (const relation of resource.toOne) {
    out[relation.key] = row[relation.key] ?? null;
  }
  for (const relation of resource.toMany) {
    out[relation.key] = links.get(relation.key) ?? [];
  }
  out.createdAt = row.createdAt.toISOString();
  out.updatedAt = row.updatedAt.toISOString();
  return out;
}

/** A row id from the path: at most 19 digits (as the routes of the other stacks), or 404. */
function rowId(resource: Resource, raw: string): number {
  if (!/^[0-9]{1,19}$/.test(raw)) {
    throw notFound("The requested URL was not found on the server.");
  }
  const id = BigInt(raw);
  if (id < 1n || id > MAX_ROW_ID) {
    throw notFound(`${resource.name} ${raw} does not exist.`);
  }
  return Number(id);
}

function positiveInt(args: Map<string, string>, name: string, fallback: number, errors: FieldError[], maximum: number): number {
  const raw = args.get(name);
  if (raw === undefined) {
    return fallback;
  }
  if (!/^0*[1-9][0-9]*$/.test(raw)) {
    errors.push(fieldError(name, "Must be a positive integer."));
    return fallback;
  }
  const digits = raw.replace(/^0+/, "");
  if (digits.length > String(maximum).length || Number(digits) > maximum) {
    errors.push(fieldError(name, `Must be at most ${maximum}.`));
    return fallback;
  }
  return Number(digits);
}

/** The body's values that are columns of the resource's own table, by entity property. */
function columns(resource: Resource, data: Map<string, unknown>): Map<string, unknown> {
  const links = new Set(resource.toMany.map((relation) => relation.key));
  const properties = new Map(resource.fields.map((field) => [field.key, propertyOf(field)]));
  return new Map([...data].filter(([key]) => !links.has(key)).map(([key, value]) => [properties.get(key) ?? key, value]));
}

@Injectable()
export class CrudService {
  constructor(private readonly dataSource: DataSource) {}

  private repository(resource: Resource) {
    return this.dataSource.getRepository<ObjectLiteral>(resource.entity);
  }

  private async find(resource: Resource, raw: string): Promise<Row> {
    const id = rowId(resource, raw);
    const row = (await this.repository(resource).findOneBy({ id })) as Row | null;
    if (row === null) {
      throw notFound(`${resource.name} ${raw} does not exist.`);
    }
    return row;
  }

  /** The body's values by property, checked like the OpenAPI document's Input/Patch schemas. */
  private async load(resource: Resource, request: Request, partial: boolean): Promise<Map<string, unknown>> {
    const body: JsonObject = await jsonObject(request);
    const errors: FieldError[] = [];
    const data = new Map<string, unknown>();
    const known = new Set([...resource.fields.map((f) => f.key), ...resource.toOne.map((r) => r.key), ...resource.toMany.map((r) => r.key)]);
    for (const key of body.keys()) {
      if (!known.has(key)) {
        errors.push(fieldError(key, "Unknown field."));
      }
    }
    const entries: [string, boolean, (value: NonNullable<unknown>) => unknown][] = [
      ...resource.fields.map((field): [string, boolean, (value: NonNullable<unknown>) => unknown] => [
        field.key,
        field.required === true,
        (value) => bodyValue(field, value as never),
      ]),
      ...resource.toOne.map((relation): [string, boolean, (value: NonNullable<unknown>) => unknown] => [
        relation.key,
        relation.required === true,
        (value) => idValue(value as never),
      ]),
      ...resource.toMany.map((relation): [string, boolean, (value: NonNullable<unknown>) => unknown] => [
        relation.key,
        false,
        (value) => idListValue(value as never),
      ]),
    ];
    for (const [key, required, convert] of entries) {
      if (!body.has(key)) {
        if (!partial && required) {
          errors.push(fieldError(key, "Missing data for required field."));
        } else if (!partial) {
          data.set(key, null);
        }
        continue;
      }
      const value = body.get(key);
      if (value === null || value === undefined) {
        if (required) {
          errors.push(fieldError(key, "Field may not be null."));
        } else {
          data.set(key, null);
        }
        continue;
      }
      try {
        data.set(key, convert(value));
      } catch (error) {
        if (!(error instanceof InvalidValue)) throw error;
        errors.push(fieldError(key, error.message));
      }
    }
    if (errors.length > 0) {
      throw invalid("The request is invalid.", errors.sort(byField));
    }
    for (const relation of resource.toOne) {
      const id = data.get(relation.key);
      if (typeof id !== "bigint") {
        continue;
      }
      const target = resourceNamed(relation.target);
      const exists = id >= 1n && id <= MAX_ROW_ID && (await this.repository(target).existsBy({ id: Number(id) }));
      if (!exists) {
        errors.push(fieldError(relation.key, `${target.name} ${id} does not exist.`));
      }
      data.set(relation.key, Number(id));
    }
    for (const relation of resource.toMany) {
      const ids = data.get(relation.key);
      if (!Array.isArray(ids)) {
        continue;
      }
      const target = resourceNamed(relation.target);
      const unique = [...new Set((ids as bigint[]).map((id) => id.toString()))].map((id) => BigInt(id));
      for (const id of unique) {
        const exists = id >= 1n && id <= MAX_ROW_ID && (await this.repository(target).existsBy({ id: Number(id) }));
        if (!exists) {
          errors.push(fieldError(relation.key, `${target.name} ${id} does not exist.`));
        }
      }
      data.set(relation.key, unique.map((id) => Number(id)));
    }
    if (errors.length > 0) {
      throw invalid("The request is invalid.", errors);
    }
    return data;
  }

  private async checkUnique(resource: Resource, data: Map<string, unknown>, id: number | null): Promise<void> {
    const errors: FieldError[] = [];
    for (const field of resource.fields) {
      const value = data.get(field.key);
      if (field.unique !== true || value === null || value === undefined) {
        continue;
      }
      const query = this.repository(resource).createQueryBuilder("e").where(`e.${propertyOf(field)} = :value`, { value });
      if (id !== null) {
        query.andWhere("e.id <> :id", { id });
      }
      if (await query.getExists()) {
        errors.push(fieldError(field.key, "This value is already used."));
      }
    }
    if (errors.length > 0) {
      throw new ApiError(409, "conflict", "A unique value is already used.", errors);
    }
  }

  /** POST: validates the body, stores a new row; the row (the controller answers 201 with it). */
  async create(resource: Resource, request: Request): Promise<Record<string, unknown>> {
    const data = await this.load(resource, request, false);
    await this.checkUnique(resource, data, null);
    const now = new Date();
    const values = { ...Object.fromEntries(columns(resource, data)), createdAt: now, updatedAt: now };
    const result = await this.repository(resource).insert(values);
    const id = Number((result.identifiers[0] as { id: number }).id);
    await this.link(resource, id, data);
    return this.dumpOne(resource, await this.find(resource, String(id)));
  }

  /** GET one row, 404 when it does not exist. */
  async get(resource: Resource, raw: string): Promise<Record<string, unknown>> {
    return this.dumpOne(resource, await this.find(resource, raw));
  }

  /** PUT (`partial` false: every field replaced) or PATCH (only the given fields). */
  async update(resource: Resource, raw: string, request: Request, partial: boolean): Promise<Record<string, unknown>> {
    const row = await this.find(resource, raw);
    const data = await this.load(resource, request, partial);
    await this.checkUnique(resource, data, row.id);
    await this.repository(resource).update({ id: row.id }, { ...Object.fromEntries(columns(resource, data)), updatedAt: new Date() });
    await this.link(resource, row.id, data);
    return this.dumpOne(resource, await this.find(resource, raw));
  }

  /** DELETE, or 409 while other rows still reference this one. */
  async delete(resource: Resource, raw: string): Promise<void> {
    const row = await this.find(resource, raw);
    for (const inbound of resource.inbound) {
      const source = resourceNamed(inbound.source);
      const count = await this.repository(source).countBy({ [inbound.key]: row.id });
      if (count > 0) {
        throw new ApiError(409, "conflict", `${resource.name} ${raw} is still referenced by ${count} ${source.name} row(s).`);
      }
    }
    for (const relation of resource.toMany) {
      await this.unlink(relation.table, relation.ownerColumn, row.id);
    }
    for (const inbound of resource.inboundMany) {
      await this.unlink(inbound.table, inbound.column, row.id);
    }
    await this.repository(resource).delete({ id: row.id });
  }

  /** GET list: equality filters, `sort=field` or `sort=-field`, `page` and `size`. */
  async list(resource: Resource, request: Request, scope?: (query: SelectQueryBuilder<ObjectLiteral>) => void): Promise<Record<string, unknown>> {
    const args = queryArgs(request);
    const errors: FieldError[] = [];
    const page = positiveInt(args, "page", 1, errors, MAX_PAGE);
    const size = positiveInt(args, "size", DEFAULT_PAGE_SIZE, errors, MAX_PAGE_SIZE);
    const query = this.repository(resource).createQueryBuilder("e");
    scope?.(query);
    const filterable = new Map<string, Kind | "id">([["id", "id"]]);
    const properties = new Map<string, string>();
    resource.fields.forEach((field) => {
      filterable.set(field.key, field.kind);
      properties.set(field.key, propertyOf(field));
    });
    resource.toOne.forEach((relation) => filterable.set(relation.key, "id"));
    const metadata = this.dataSource.getMetadata(resource.entity);
    let parameter = 0;
    for (const key of [...args.keys()].sort()) {
      if (PAGING_PARAMS.has(key)) {
        continue;
      }
      const kind = filterable.get(key);
      if (kind === undefined) {
        errors.push(fieldError(key, "Unknown query parameter."));
        continue;
      }
      try {
        const value = queryValue(kind, args.get(key) ?? "");
        const property = properties.get(key) ?? key;
        const column = metadata.findColumnWithPropertyName(property);
        const stored: unknown = column === undefined ? value : this.dataSource.driver.preparePersistentValue(value, column);
        const name = `p${parameter++}`;
        query.andWhere(new Brackets((where) => where.where(`e.${property} = :${name}`, { [name]: stored })));
      } catch (error) {
        if (error instanceof NoRowHolds) {
          query.andWhere("1 = 0");
        } else if (error instanceof InvalidValue) {
          errors.push(fieldError(key, error.message));
        } else {
          throw error;
        }
      }
    }
    const sortable = new Set(["id", "createdAt", "updatedAt", ...resource.fields.map((f) => f.key), ...resource.toOne.map((r) => r.key)]);
    const order: [string, "ASC" | "DESC"][] = [];
    for (const part of (args.get("sort") || "id").split(",")) {
      const descending = part.startsWith("-");
      const key = descending ? part.slice(1) : part;
      if (!sortable.has(key)) {
        errors.push(fieldError("sort", `Cannot sort by '${key}'.`));
        continue;
      }
      order.push([`e.${properties.get(key) ?? key}`, descending ? "DESC" : "ASC"]);
    }
    if (errors.length > 0) {
      throw invalid("Invalid query parameters.", errors);
    }
    if (!order.some(([column]) => column === "e.id")) {
      order.push(["e.id", "ASC"]);
    }
    const total = await query.getCount();
    order.forEach(([column, direction], index) => (index === 0 ? query.orderBy(column, direction) : query.addOrderBy(column, direction)));
    if (!PAGINATED) {
      const rows = (await query.getMany()) as Row[];
      return { items: await this.dumpAll(resource, rows), total };
    }
    const rows = (await query.offset((page - 1) * size).limit(size).getMany()) as Row[];
    return { items: await this.dumpAll(resource, rows), page, size, total };
  }

  /** GET /{id}/<relation> of a many-to-many relation: the rows it holds, listed as `list` does. */
  async listLinked(resource: Resource, raw: string, request: Request, key: string): Promise<Record<string, unknown>> {
    const row = await this.find(resource, raw);
    const relation = resource.toMany.find((candidate) => candidate.key === key);
    if (relation === undefined) {
      throw new Error(`Unknown relation ${key}`);
    }
    const linked = `SELECT ${relation.targetColumn} FROM ${relation.table} WHERE ${relation.ownerColumn} = :linkOwner`;
    return this.list(resourceNamed(relation.target), request, (query) => query.andWhere(`e.id IN (${linked})`, { linkOwner: row.id }));
  }

  /** GET /{id}/<relation> of a one-to-many relation: the rows of `source` whose `key` is this row. */
  async listReferencing(resource: Resource, raw: string, request: Request, source: string, key: string): Promise<Record<string, unknown>> {
    const row = await this.find(resource, raw);
    return this.list(resourceNamed(source), request, (query) => query.andWhere(`e.${key} = :linkOwner`, { linkOwner: row.id }));
  }

  private async dumpOne(resource: Resource, row: Row): Promise<Record<string, unknown>> {
    return (await this.dumpAll(resource, [row]))[0];
  }

  /** The JSON of `rows`, with one query per many-to-many relation for all of them. */
  private async dumpAll(resource: Resource, rows: Row[]): Promise<Record<string, unknown>[]> {
    const links = rows.map(() => new Map<string, number[]>());
    if (rows.length > 0) {
      const at = new Map(rows.map((row, index) => [row.id, index]));
      for (const relation of resource.toMany) {
        const pairs = (await this.dataSource
          .createQueryBuilder()
          .select(relation.ownerColumn, "owner")
          .addSelect(relation.targetColumn, "target")
          .from(relation.table, "a")
          .where(`${relation.ownerColumn} IN (:...owners)`, { owners: rows.map((row) => row.id) })
          .getRawMany()) as { owner: unknown; target: unknown }[];
        rows.forEach((_, index) => links[index].set(relation.key, []));
        for (const pair of pairs) {
          const index = at.get(Number(pair.owner));
          if (index !== undefined) {
            links[index].get(relation.key)?.push(Number(pair.target));
          }
        }
        links.forEach((map) => map.get(relation.key)?.sort((a, b) => a - b));
      }
    }
    return rows.map((row, index) => dump(resource, row, links[index]));
  }

  /** Replaces the association rows of `id` for each many-to-many relation the body gave. */
  private async link(resource: Resource, id: number, data: Map<string, unknown>): Promise<void> {
    for (const relation of resource.toMany) {
      if (!data.has(relation.key)) {
        continue;
      }
      await this.unlink(relation.table, relation.ownerColumn, id);
      const targets = (data.get(relation.key) as number[] | null) ?? [];
      if (targets.length > 0) {
        await this.dataSource
          .createQueryBuilder()
          .insert()
          .into(relation.table, [relation.ownerColumn, relation.targetColumn])
          .values(targets.map((target) => ({ [relation.ownerColumn]: id, [relation.targetColumn]: target })))
          .execute();
      }
    }
  }

  private async unlink(table: string, column: string, id: number): Promise<void> {
    await this.dataSource.createQueryBuilder().delete().from(table).where(`${column} = :id`, { id }).execute();
  }
}
