/** Tests of /api/tags, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createTag, payloadTag } from "./factories.js";

entitySuite({
  name: "Tag",
  url: "/api/tags",
  create: createTag,
  payload: payloadTag,
  unknownKey: "unknownField",
  decimalKeys: [],
  wideDecimalKeys: [],
  datetimeKeys: [],
  required: ["label"],
  invalid: [
    ["label", 12345, "type"],
    ["label", "label-0" + "a".repeat(34), "maxLength"],
  ],
  unique: ["label"],
  sortable: ["label"],
  filters: ["label"],
  toOne: [],
  referencedBy: [],
  toMany: [],
  referencing: [],
});
