/** Tests of /api/books, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createBook, payloadBook } from "./factories.js";

entitySuite({
  name: "Book",
  url: "/api/books",
  create: createBook,
  payload: payloadBook,
  unknownKey: "unknownField",
  decimalKeys: ["price"],
  wideDecimalKeys: ["price"],
  datetimeKeys: [],
  required: ["title", "authorId"],
  invalid: [
    ["title", 12345, "type"],
    ["title", "title-0" + "a".repeat(194), "maxLength"],
    ["isbn", 12345, "type"],
    ["isbn", "041200-779" + "a".repeat(246), "maxLength"],
    ["isbn", "^&TB:z'Raf", "pattern"],
    ["price", "not-a-number", "type"],
    ["price", "-1", "min"],
    ["price", true, "boolean"],
    ["published", "maybe", "type"],
    ["published", 1, "number"],
    ["authorId", "not-an-id", "type"],
    ["authorId", "7", "string"],
    ["authorId", 1.5, "fraction"],
  ],
  unique: ["isbn"],
  sortable: ["title", "isbn", "price", "published"],
  filters: ["title", "isbn", "published", "authorId"],
  toOne: ["authorId"],
  referencedBy: [],
  toMany: [],
  referencing: [],
});
