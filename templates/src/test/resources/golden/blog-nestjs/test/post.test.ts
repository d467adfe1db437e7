/** Tests of /api/posts, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createComment, createPost, createTag, payloadPost } from "./factories.js";

entitySuite({
  name: "Post",
  url: "/api/posts",
  create: createPost,
  payload: payloadPost,
  unknownKey: "unknownField",
  decimalKeys: [],
  wideDecimalKeys: [],
  datetimeKeys: ["publishedAt"],
  required: ["title", "body"],
  invalid: [
    ["title", 12345, "type"],
    ["title", "ti", "minLength"],
    ["title", "title-0" + "a".repeat(154), "maxLength"],
    ["body", 12345, "type"],
    ["publishedAt", "not-a-datetime", "type"],
    ["publishedAt", "2024-02-30T10:00:00Z", "calendar"],
    ["views", "not-a-number", "type"],
    ["views", -1, "min"],
    ["categoryId", "not-an-id", "type"],
    ["categoryId", "7", "string"],
    ["categoryId", 1.5, "fraction"],
    ["tagsIds", "not-a-list", "type"],
    ["tagsIds", [1.5], "fraction"],
  ],
  unique: [],
  sortable: ["title", "body", "publishedAt", "views"],
  filters: ["title", "body", "publishedAt", "views"],
  toOne: ["categoryId"],
  referencedBy: [[createComment, "postId"]],
  toMany: [["tagsIds", "tags", createTag]],
  referencing: [],
});
