/** Tests of /api/products, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createOrderLine, createProduct, payloadProduct } from "./factories.js";

entitySuite({
  name: "Product",
  url: "/api/products",
  create: createProduct,
  payload: payloadProduct,
  unknownKey: "unknownField",
  decimalKeys: ["price"],
  wideDecimalKeys: ["price"],
  datetimeKeys: [],
  required: ["sku", "name", "price"],
  invalid: [
    ["sku", 12345, "type"],
    ["sku", "sku-0" + "a".repeat(28), "maxLength"],
    ["name", 12345, "type"],
    ["name", "name-0" + "a".repeat(250), "maxLength"],
    ["price", "not-a-number", "type"],
    ["price", "-1", "min"],
    ["price", true, "boolean"],
    ["stock", "not-a-number", "type"],
    ["stock", -1, "min"],
    ["publicId", "not-a-uuid", "type"],
  ],
  unique: ["sku"],
  sortable: ["sku", "name", "price", "stock", "publicId"],
  filters: ["sku", "name", "stock", "publicId"],
  toOne: [],
  referencedBy: [[createOrderLine, "productId"]],
  toMany: [],
  referencing: [],
});
