/** Tests of /api/order-lines, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createOrderLine, payloadOrderLine } from "./factories.js";

entitySuite({
  name: "OrderLine",
  url: "/api/order-lines",
  create: createOrderLine,
  payload: payloadOrderLine,
  unknownKey: "unknownField",
  decimalKeys: ["unitPrice"],
  wideDecimalKeys: ["unitPrice"],
  datetimeKeys: [],
  required: ["quantity", "unitPrice", "orderId", "productId"],
  invalid: [
    ["quantity", "not-a-number", "type"],
    ["quantity", 0, "min"],
    ["unitPrice", "not-a-number", "type"],
    ["unitPrice", "-1", "min"],
    ["unitPrice", true, "boolean"],
    ["orderId", "not-an-id", "type"],
    ["orderId", "7", "string"],
    ["orderId", 1.5, "fraction"],
    ["productId", "not-an-id", "type"],
    ["productId", "7", "string"],
    ["productId", 1.5, "fraction"],
  ],
  unique: [],
  sortable: ["quantity", "unitPrice"],
  filters: ["quantity", "orderId", "productId"],
  toOne: ["orderId", "productId"],
  referencedBy: [],
  toMany: [],
  referencing: [],
});
