/** Tests of /api/categories, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createCategory, createPost, payloadCategory } from "./factories.js";

entitySuite({
  name: "Category",
  url: "/api/categories",
  create: createCategory,
  payload: payloadCategory,
  unknownKey: "unknownField",
  decimalKeys: [],
  wideDecimalKeys: [],
  datetimeKeys: [],
  required: ["title"],
  invalid: [
    ["title", 12345, "type"],
    ["title", "title-0" + "a".repeat(74), "maxLength"],
    ["parentId", "not-an-id", "type"],
    ["parentId", "7", "string"],
    ["parentId", 1.5, "fraction"],
  ],
  unique: ["title"],
  sortable: ["title"],
  filters: ["title"],
  toOne: ["parentId"],
  referencedBy: [[createCategory, "parentId"], [createPost, "categoryId"]],
  toMany: [],
  referencing: [],
});
