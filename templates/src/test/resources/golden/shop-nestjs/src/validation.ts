/**
 * Request values by the spec's field types: request bodies (read by `inputs.ts`, numbers as
 * text) and query-string filters. Strict: no conversion between JSON types (a number for a
 * string, `"7"` or `1.5` for an integer, `1` for a boolean are refused), integers held to their
 * 32 or 64 bits, decimals to the column's digits.
 */
import { JsonNumber, JsonValue } from "./inputs.js";

export const DECIMAL_SCALE = 6;
export const DECIMAL_INTEGER_DIGITS = 14;
export const INT32: readonly [bigint, bigint] = [-(2n ** 31n), 2n ** 31n - 1n];
export const INT64: readonly [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];
/** The default length of a string without maxLength (the column is varchar(255)). */
export const DEFAULT_MAX_LENGTH = 255;

export type Kind = "string" | "text" | "integer" | "long" | "decimal" | "boolean" | "date" | "datetime" | "uuid" | "enum";

/** A scalar field: its JSON key (also the entity's property), type and constraints. */
export interface Field {
  key: string;
  /** The entity's property, when it differs from the key (`toString_` for `toString`). */
  property?: string;
  kind: Kind;
  required?: boolean;
  unique?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  /** Bounds of a number, as decimal text ("0", "9.5"). */
  min?: string;
  max?: string;
  values?: readonly string[];
}

/** A value the field's type has but no column of that type can hold: a filter matching no row. */
export class NoRowHolds extends Error {}

/** Why a value is invalid: the message of its field error. */
export class InvalidValue extends Error {}

const INTEGER_TEXT = /^-?[0-9]+$/;
const DECIMAL_STRING = /^-?[0-9]+(\.[0-9]+)?$/;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const DATETIME = /^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?([Zz]|[-+][0-9]{2}:?[0-9]{2})?$/;
const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

function integerIn(text: string, [low, high]: readonly [bigint, bigint]): bigint {
  const digits = text.replace(/^-/, "").replace(/^0+/, "") || "0";
  const value = digits.length > 19 ? null : BigInt(text);
  if (value === null || value < low || value > high) {
    throw new InvalidValue(`Must be between ${low} and ${high}.`);
  }
  return value;
}

/** An exact decimal: `units` millionths (DECIMAL_SCALE digits after the point). */
interface Decimal {
  units: bigint;
}

/** `text` (a JSON number or numeric string) as millionths, or why it does not fit the column. */
function toDecimal(text: string): Decimal {
  const match = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([-+]?[0-9]+))?$/.exec(text);
  if (match === null) {
    throw new InvalidValue("Not a valid number.");
  }
  const [, sign, whole, fraction = "", exponentText = "0"] = match;
  let digits = (whole + fraction).replace(/^0+/, "");
  if (digits === "") {
    return { units: 0n };
  }
  const trailing = digits.length - digits.replace(/0+$/, "").length;
  digits = digits.replace(/0+$/, "");
  // value = digits * 10^(pointShift)
  const exponent = BigInt(exponentText);
  const pointShift = exponent - BigInt(fraction.length) + BigInt(trailing);
  if (-pointShift > BigInt(DECIMAL_SCALE)) {
    throw new InvalidValue(`At most ${DECIMAL_SCALE} digits after the decimal point.`);
  }
  if (BigInt(digits.length) + pointShift > BigInt(DECIMAL_INTEGER_DIGITS)) {
    throw new InvalidValue(`At most ${DECIMAL_INTEGER_DIGITS} digits before the decimal point.`);
  }
  const units = BigInt(digits) * 10n ** (pointShift + BigInt(DECIMAL_SCALE));
  return { units: sign === "-" ? -units : units };
}

/** Millionths as the shortest decimal text: "0.25", "3", "-1.5". */
function decimalText({ units }: Decimal): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(DECIMAL_SCALE + 1, "0");
  const whole = text.slice(0, -DECIMAL_SCALE);
  const fraction = text.slice(-DECIMAL_SCALE).replace(/0+$/, "");
  return (negative ? "-" : "") + whole + (fraction ? `.${fraction}` : "");
}

/** A decimal read from the database (a string, or a number on SQLite) as the API answers it. */
export function formatDecimal(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  const text = typeof value === "number" ? value.toFixed(DECIMAL_SCALE) : typeof value === "string" ? value : JSON.stringify(value);
  return decimalText(toDecimal(text));
}

function checkBounds(field: Field, value: Decimal): void {
  if (field.min !== undefined && value.units < toDecimal(field.min).units) {
    throw new InvalidValue(`Must be greater than or equal to ${field.min}.`);
  }
  if (field.max !== undefined && value.units > toDecimal(field.max).units) {
    throw new InvalidValue(`Must be less than or equal to ${field.max}.`);
  }
}

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO-8601 date-time as a UTC Date; a value without an offset is taken as UTC. */
function toDateTime(text: string): Date {
  const match = DATETIME.exec(text);
  if (match === null) {
    throw new InvalidValue("Not a valid datetime.");
  }
  const [, day, hours, minutes, seconds = "00", fraction = "", zone = "Z"] = match;
  if (fraction.length > 6) {
    throw new InvalidValue("At most 6 fractional digits: the time is kept in microseconds.");
  }
  if (!validDate(day) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    throw new InvalidValue("Not a valid datetime.");
  }
  const offset = zone.toUpperCase() === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const millis = fraction.padEnd(3, "0").slice(0, 3);
  const date = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}${offset}`);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidValue("Out of range once converted to UTC.");
  }
  return date;
}

/** The value to store for a body value of `field` (not null); throws InvalidValue. */
export function bodyValue(field: Field, value: JsonValue): unknown {
  switch (field.kind) {
    case "string":
    case "text": {
      if (typeof value !== "string") {
        throw new InvalidValue("Not a valid string.");
      }
      const length = [...value].length;
      const max = field.maxLength ?? (field.kind === "string" ? DEFAULT_MAX_LENGTH : undefined);
      if (field.minLength !== undefined && length < field.minLength) {
        throw new InvalidValue(`Shorter than minimum length ${field.minLength}.`);
      }
      if (max !== undefined && length > max) {
        throw new InvalidValue(`Longer than maximum length ${max}.`);
      }
      if (field.pattern !== undefined && !field.pattern.test(value)) {
        throw new InvalidValue("Does not match the required pattern.");
      }
      return value;
    }
    case "integer":
    case "long": {
      if (!(value instanceof JsonNumber) || !INTEGER_TEXT.test(value.text)) {
        throw new InvalidValue("Not a valid integer.");
      }
      const number = integerIn(value.text, field.kind === "integer" ? INT32 : INT64);
      checkBounds(field, { units: number * 10n ** BigInt(DECIMAL_SCALE) });
      return field.kind === "integer" ? Number(number) : number.toString();
    }
    case "decimal": {
      const text = value instanceof JsonNumber ? value.text : typeof value === "string" && DECIMAL_STRING.test(value) ? value : null;
      if (text === null) {
        throw new InvalidValue("Not a valid number.");
      }
      const decimal = toDecimal(text);
      checkBounds(field, decimal);
      return decimalText(decimal);
    }
    case "boolean":
      if (typeof value !== "boolean") {
        throw new InvalidValue("Not a valid boolean.");
      }
      return value;
    case "date":
      if (typeof value !== "string" || !validDate(value)) {
        throw new InvalidValue("Not a valid date.");
      }
      return value;
    case "datetime":
      if (typeof value !== "string") {
        throw new InvalidValue("Not a valid datetime.");
      }
      return toDateTime(value);
    case "uuid":
      if (typeof value !== "string" || !UUID.test(value)) {
        throw new InvalidValue("Not a valid UUID.");
      }
      return canonicalUuid(value);
    case "enum":
      if (typeof value !== "string" || !(field.values ?? []).includes(value)) {
        throw new InvalidValue(`Must be one of: ${(field.values ?? []).join(", ")}.`);
      }
      return value;
  }
}

function canonicalUuid(text: string): string {
  const hex = text.replace(/-/g, "").toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A relation id in a body: a JSON integer of 64 bits. */
export function idValue(value: JsonValue): bigint {
  if (!(value instanceof JsonNumber) || !INTEGER_TEXT.test(value.text)) {
    throw new InvalidValue("Not a valid integer.");
  }
  return integerIn(value.text, INT64);
}

/** The ids of a many-to-many relation in a body: a list of JSON integers of 64 bits. */
export function idListValue(value: JsonValue): bigint[] {
  if (!Array.isArray(value)) {
    throw new InvalidValue("Not a valid list.");
  }
  return value.map((item) => idValue(item));
}

/**
 * A query-string value of type `kind` ("id" for ids and relation ids), as the value to compare.
 * Throws InvalidValue for a value not of the type (integers beyond the bits the OpenAPI document
 * declares included) and NoRowHolds for one no column of the type holds.
 */
export function queryValue(kind: Kind | "id", raw: string): unknown {
  switch (kind) {
    case "string":
    case "text":
    case "enum":
      return raw;
    case "integer":
      if (!INTEGER_TEXT.test(raw)) throw new InvalidValue("Not a valid integer.");
      return Number(integerIn(raw, INT32));
    case "long":
      if (!INTEGER_TEXT.test(raw)) throw new InvalidValue("Not a valid integer.");
      return integerIn(raw, INT64).toString();
    case "id": {
      if (!INTEGER_TEXT.test(raw)) throw new InvalidValue("Not a valid integer.");
      const id = integerIn(raw, INT64);
      if (id < 1n || id > MAX_ROW_ID) throw new NoRowHolds();
      return Number(id);
    }
    case "decimal": {
      if (!/^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(raw)) throw new InvalidValue("Not a valid number.");
      try {
        return decimalText(toDecimal(raw));
      } catch {
        throw new NoRowHolds();
      }
    }
    case "boolean":
      if (raw !== "true" && raw !== "false") throw new InvalidValue("Use true or false.");
      return raw === "true";
    case "date":
      if (!validDate(raw)) throw new InvalidValue("Not a valid date.");
      return raw;
    case "datetime":
      return toDateTime(raw);
    case "uuid":
      if (!UUID.test(raw)) throw new InvalidValue("Not a valid UUID.");
      return canonicalUuid(raw);
  }
}

/** Ids are int64 in the OpenAPI document; the id columns are 32-bit, so a larger one is no row's. */
export const MAX_ROW_ID = 2n ** 31n - 1n;
