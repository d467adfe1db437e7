/**
 * Untrusted request input, checked before anything else reads it.
 *
 * A request body must be JSON (`application/json` or a `+json` media type, else 415), at most
 * `MAX_BODY_BYTES` (else 413, also for a chunked body without Content-Length), valid JSON nested
 * at most `MAX_DEPTH` levels deep, and an object. Text in a body or a query string must be Unicode
 * a database stores as sent: NUL (`\u0000`), lone surrogates (`"\ud800"`) and bytes that are not
 * UTF-8 answer 400 naming the field, the same on every database.
 *
 * JSON is read by the parser below rather than `JSON.parse`, so that numbers keep their digits
 * (`JsonNumber`): an int64 id or an exact decimal would be rounded to a double otherwise.
 */
import type { Request } from "express";
import { ApiError, FieldError, fieldError, invalid } from "./problems.js";

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_DEPTH = 32;
const NUL_MESSAGE = "Must not contain the NUL character (\\u0000).";
const SURROGATE_MESSAGE = "Must be valid Unicode, without lone surrogates (\\ud800-\\udfff).";
const UTF8_MESSAGE = "Must be valid UTF-8 text.";

/** A JSON number as written, so no digit is lost before the field's type is known. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

class JsonSyntaxError extends Error {}
class JsonDepthError extends Error {}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** A strict JSON parser (RFC 8259) that keeps numbers as text and limits nesting. */
class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  parse(): JsonValue {
    const value = this.value(0);
    this.space();
    if (this.at !== this.text.length) {
      throw new JsonSyntaxError();
    }
    return value;
  }

  private space(): void {
    while (this.at < this.text.length && " \t\n\r".includes(this.text[this.at])) {
      this.at++;
    }
  }

  private value(depth: number): JsonValue {
    this.space();
    const c = this.text[this.at];
    if (c === "{" || c === "[") {
      if (depth >= MAX_DEPTH) {
        throw new JsonDepthError();
      }
      return c === "{" ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') {
      return this.string();
    }
    for (const [word, result] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return result;
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match === null) {
      throw new JsonSyntaxError();
    }
    this.at += match[0].length;
    return new JsonNumber(match[0]);
  }

  private object(depth: number): JsonObject {
    const out: JsonObject = new Map();
    this.at++;
    this.space();
    if (this.text[this.at] === "}") {
      this.at++;
      return out;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') {
        throw new JsonSyntaxError();
      }
      const key = this.string();
      this.space();
      if (this.text[this.at++] !== ":") {
        throw new JsonSyntaxError();
      }
      out.set(key, this.value(depth));
      this.space();
      const c = this.text[this.at++];
      if (c === "}") {
        return out;
      }
      if (c !== ",") {
        throw new JsonSyntaxError();
      }
    }
  }

  private array(depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.at++;
    this.space();
    if (this.text[this.at] === "]") {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth));
      this.space();
      const c = this.text[this.at++];
      if (c === "]") {
        return out;
      }
      if (c !== ",") {
        throw new JsonSyntaxError();
      }
    }
  }

  private string(): string {
    this.at++;
    let out = "";
    let start = this.at;
    for (;;) {
      if (this.at >= this.text.length) {
        throw new JsonSyntaxError();
      }
      const code = this.text.charCodeAt(this.at);
      if (code === 0x22) {
        out += this.text.slice(start, this.at++);
        return out;
      }
      if (code < 0x20) {
        throw new JsonSyntaxError();
      }
      if (code !== 0x5c) {
        this.at++;
        continue;
      }
      out += this.text.slice(start, this.at);
      const escape = this.text[this.at + 1];
      if (escape === "u") {
        const hex = this.text.slice(this.at + 2, this.at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          throw new JsonSyntaxError();
        }
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.at += 6;
      } else if (escape !== undefined && escape in ESCAPES) {
        out += ESCAPES[escape];
        this.at += 2;
      } else {
        throw new JsonSyntaxError();
      }
      start = this.at;
    }
  }
}

/** `text` with NUL and lone surrogates written as `\uXXXX`, safe to put in an answer. */
export function printable(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code === 0 || (code >= 0xd800 && code <= 0xdfff) ? `\\u${code.toString(16).padStart(4, "0")}` : char;
  }
  return out;
}

/** The message for text no database keeps as sent, or null when it is fine. */
function textProblem(text: string): string | null {
  if (text.includes("\u0000")) {
    return NUL_MESSAGE;
  }
  return text.isWellFormed() ? null : SURROGATE_MESSAGE;
}

function unstorableText(payload: JsonObject): FieldError[] {
  const errors = new Map<string, string>();
  for (const [key, value] of payload) {
    const pending: JsonValue[] = [key, value];
    while (pending.length > 0) {
      const item = pending.pop();
      if (typeof item === "string") {
        const problem = textProblem(item);
        if (problem !== null && !errors.has(printable(key))) {
          errors.set(printable(key), problem);
        }
      } else if (item instanceof Map) {
        for (const [innerKey, innerValue] of item) {
          pending.push(innerKey, innerValue);
        }
      } else if (Array.isArray(item)) {
        pending.push(...item);
      }
    }
  }
  return [...errors.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, m]) => fieldError(k, m));
}

function isJson(request: Request): boolean {
  const type = (request.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

function tooLarge(): ApiError {
  return new ApiError(413, "content-too-large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
}

async function readBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? "0");
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * UTF-8 text, where an encoded surrogate (CESU-8, ED A0-BF xx) becomes a `\uXXXX` escape, so that
 * inside a string it is reported as the lone surrogate it is; anything else invalid is null.
 */
function decode(bytes: Buffer): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    const parts: Buffer[] = [];
    let start = 0;
    for (let i = 0; i + 2 < bytes.length; i++) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      if (bytes[i] === 0xed && b1 >= 0xa0 && b1 <= 0xbf && b2 >= 0x80 && b2 <= 0xbf) {
        const unit = 0xd000 | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        parts.push(bytes.subarray(start, i), Buffer.from(`\\u${unit.toString(16)}`));
        start = i + 3;
        i += 2;
      }
    }
    if (parts.length === 0) {
      return null;
    }
    parts.push(bytes.subarray(start));
    try {
      return STRICT_UTF8.decode(Buffer.concat(parts));
    } catch {
      return null;
    }
  }
}

/** The request body as a JSON object once every check above passed; throws the problem otherwise. */
export async function jsonObject(request: Request): Promise<JsonObject> {
  if (!isJson(request)) {
    request.resume();
    throw new ApiError(415, "unsupported-media-type", "The request body must be JSON (Content-Type: application/json).");
  }
  const text = decode(await readBody(request));
  if (text === null) {
    throw invalid("The request body is not valid JSON.");
  }
  let payload: JsonValue;
  try {
    payload = new Parser(text).parse();
  } catch (error) {
    if (error instanceof JsonDepthError) {
      throw invalid(`The request body is nested more than ${MAX_DEPTH} levels deep.`);
    }
    throw invalid("The request body is not valid JSON.");
  }
  if (!(payload instanceof Map)) {
    throw invalid("The request body must be a JSON object.");
  }
  const errors = unstorableText(payload);
  if (errors.length > 0) {
    throw invalid("The request is invalid.", errors);
  }
  return payload;
}

/** Percent-decoding to bytes; a `%` not followed by two hex digits stays as it is. */
function percentDecode(raw: string): Buffer {
  const bytes: number[] = [];
  const text = raw.replace(/\+/g, " ");
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "%" && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/**
 * The query string's parameters (the first value of each) once it is UTF-8 text without NUL or
 * lone surrogates; 400 naming the parameter otherwise.
 */
export function queryArgs(request: Request): Map<string, string> {
  const url = request.originalUrl;
  const mark = url.indexOf("?");
  const args = new Map<string, string>();
  if (mark < 0) {
    return args;
  }
  const errors = new Map<string, string>();
  for (const part of url.slice(mark + 1).split("&")) {
    if (part === "") {
      continue;
    }
    const eq = part.indexOf("=");
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? "" : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = STRICT_UTF8.decode(percentDecode(rawKey));
    } catch {
      const shown = printable(percentDecode(rawKey).toString("utf8"));
      if (!errors.has(shown)) errors.set(shown, UTF8_MESSAGE);
      continue;
    }
    try {
      value = STRICT_UTF8.decode(percentDecode(rawValue));
    } catch {
      if (!errors.has(printable(key))) errors.set(printable(key), UTF8_MESSAGE);
      continue;
    }
    const problem = textProblem(key) ?? textProblem(value);
    if (problem !== null) {
      if (!errors.has(printable(key))) errors.set(printable(key), problem);
      continue;
    }
    if (!args.has(key)) {
      args.set(key, value);
    }
  }
  if (errors.size > 0) {
    const listed = [...errors.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, m]) => fieldError(k, m));
    throw invalid("Invalid query parameters.", listed);
  }
  return args;
}
