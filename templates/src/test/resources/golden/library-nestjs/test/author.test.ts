/** Tests of /api/authors, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createAuthor, createBook, payloadAuthor } from "./factories.js";

entitySuite({
  name: "Author",
  url: "/api/authors",
  create: createAuthor,
  payload: payloadAuthor,
  unknownKey: "unknownField",
  decimalKeys: [],
  wideDecimalKeys: [],
  datetimeKeys: [],
  required: ["name"],
  invalid: [
    ["name", 12345, "type"],
    ["name", "name-0" + "a".repeat(115), "maxLength"],
    ["born", "not-a-date", "type"],
    ["born", "2024-02-30", "calendar"],
  ],
  unique: [],
  sortable: ["name", "born"],
  filters: ["name", "born"],
  toOne: [],
  referencedBy: [[createBook, "authorId"]],
  toMany: [],
  referencing: [],
});
