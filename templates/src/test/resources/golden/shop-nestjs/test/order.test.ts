/** Tests of /api/orders, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createOrder, createOrderLine, payloadOrder } from "./factories.js";

entitySuite({
  name: "Order",
  url: "/api/orders",
  create: createOrder,
  payload: payloadOrder,
  unknownKey: "unknownField",
  decimalKeys: [],
  wideDecimalKeys: [],
  datetimeKeys: ["placedAt"],
  required: ["placedAt", "status", "customerId"],
  invalid: [
    ["placedAt", "not-a-datetime", "type"],
    ["placedAt", "2024-02-30T10:00:00Z", "calendar"],
    ["status", 12345, "type"],
    ["status", "NOT_A_VALUE", "enum"],
    ["note", 12345, "type"],
    ["customerId", "not-an-id", "type"],
    ["customerId", "7", "string"],
    ["customerId", 1.5, "fraction"],
  ],
  unique: [],
  sortable: ["placedAt", "status", "note"],
  filters: ["placedAt", "status", "note", "customerId"],
  toOne: ["customerId"],
  referencedBy: [[createOrderLine, "orderId"]],
  toMany: [],
  referencing: [],
});
