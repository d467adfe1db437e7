/** Tests of /api/comments, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createComment, payloadComment } from "./factories.js";

entitySuite({
  name: "Comment",
  url: "/api/comments",
  create: createComment,
  payload: payloadComment,
  unknownKey: "unknownField",
  decimalKeys: [],
  wideDecimalKeys: [],
  datetimeKeys: [],
  required: ["author", "text", "postId"],
  invalid: [
    ["author", 12345, "type"],
    ["author", "author-0" + "a".repeat(73), "maxLength"],
    ["text", 12345, "type"],
    ["postId", "not-an-id", "type"],
    ["postId", "7", "string"],
    ["postId", 1.5, "fraction"],
  ],
  unique: [],
  sortable: ["author", "text"],
  filters: ["author", "text", "postId"],
  toOne: ["postId"],
  referencedBy: [],
  toMany: [],
  referencing: [],
});
