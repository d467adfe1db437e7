/** Tests of /api/customers, generated from the spec. */
import { entitySuite } from "./entity-suite.js";
import { createCustomer, createOrder, payloadCustomer } from "./factories.js";

entitySuite({
  name: "Customer",
  url: "/api/customers",
  create: createCustomer,
  payload: payloadCustomer,
  unknownKey: "unknownField",
  decimalKeys: [],
  wideDecimalKeys: [],
  datetimeKeys: [],
  required: ["email", "fullName"],
  invalid: [
    ["email", 12345, "type"],
    ["email", "qzE-X\\s\"A_NCqkU)<ms!3Y\\rFU+u8Iqb2?$5qh*zaqOq;AC~(qAz\"0w{ZG,gUtoEC|QBn[u$&^ni=Ql}G9~J+9%bR]eMuhw@ebR5-a{4,B:TQmD%,_3W*}W=nHWe+bk,PD'F\"H9M\\56aPb.XA%p5DKq>#!+];#OQQu)>b3nlSP'zyP~r1Ry" + "a".repeat(77), "maxLength"],
    ["email", " @@@  @  @@@    @  @ @@@ @    @@   @ @ @@   @ @@ @@ @ @@@@@ @@  @ @@ @    @  @ @  @@@@@@ @ @ @@;@@ @@@@ @ @ @ @@  @@@  @", "pattern"],
    ["fullName", 12345, "type"],
    ["fullName", "fullName-0" + "a".repeat(111), "maxLength"],
    ["vip", "maybe", "type"],
    ["vip", 1, "number"],
  ],
  unique: ["email"],
  sortable: ["email", "fullName", "vip"],
  filters: ["email", "fullName", "vip"],
  toOne: [],
  referencedBy: [[createOrder, "customerId"]],
  toMany: [],
  referencing: [],
});
