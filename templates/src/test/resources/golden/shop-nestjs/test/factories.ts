/**
 * Valid request bodies and rows for the tests, built from sample values that satisfy the spec.
 * Each call takes the next sample, so unique fields get distinct values within a test.
 */
import assert from "node:assert/strict";
import type { TestApi } from "./support.js";

const counters = new Map<string, number>();

/** Starts every entity's samples from the first again. */
export function resetSamples(): void {
  counters.clear();
}

function next(name: string): number {
  const n = counters.get(name) ?? 0;
  counters.set(name, n + 1);
  return n;
}

type Body = Record<string, unknown>;
type Row = Record<string, unknown> & { id: number };

function pick(samples: Record<string, unknown[]>, n: number): Body {
  return Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, values[n % values.length]]));
}

async function create(api: TestApi, url: string, body: Body): Promise<Row> {
  const answer = await api.post(url, body);
  assert.equal(answer.status, 201, answer.text);
  return answer.body as Row;
}

const CUSTOMER_SAMPLES: Record<string, unknown[]> = {
  email: ["qzE-X\\s\"A_NCqkU)<ms!3Y\\rFU+u8Iqb2?$5qh*zaqOq;AC~(qAz\"0w{ZG,gUtoEC|QBn[u$&^ni=Ql}G9~J+9%bR]eMuhw@ebR5-a{4,B:TQmD%,_3W*}W=nHWe+bk,PD'F\"H9M\\56aPb.XA%p5DKq>#!+];#OQQu)>b3nlSP'zyP~r1Ry", "8_/eP[$2Y'q6@9kT|Z(iH8Uuis|ANZb!~61(14+gh3`V%", "tAVa/N9AS'`B8`xWby&[\\##M^Z/'\"%Adg(@_OU[Q>R[`Fm+6NV&5vD[LD=mHMwAV'C`;T*';Mm~0/c[uFWqi8mKh.}+\"#ye{Zyu{j!/&CO\\mawNZe'jp`='0ko+JAWZ<^0iM^{", ",&-:T'.Rb<.NSCt3s%=j@SPWp5<\"6%s&oxX9tOK|`-\\/491^2NCxi,FU\\+EzCS>lZf|B4SF)'U$UQWI'hNic,s3#}j'->7oD+:wx98-$.X_\"Ej.bG:24$KW", "}({T:Na3HYDB}L|_.c#NGVFg=1FEn1g%EVW8sxB@.it\\wD?ZOd", "U-$S\"v]?*#]dVsuAZ%QDRc/<3{$pHi/eTc7_u4L0X@-eOIu$g%5/oNFo,Ha", "kCrDIEW\\d_0Dw,3@H~I~qV,j&)cqFT$9$rtTxZ^T\\J6`)-\"qXS#,j&W.[e{rTUZ_KMc`En0|PUSygGc8[:RL,'cww:1+Mh_,xve#v", "&d^%n1z7Y`m1.^k#pmPo\\QPOXpm8/T7Ai,H/&@>#B=+sqv:dI`ivN8l(ao[G+wjrjyc\\,<9P-kSW$w#Lq&$r!\\oF<9%Y%rTk-}3pKB^8`%?SF:fr]Is8AK0kO^$CNW-{H|c5L1"],
  fullName: ["fullName-0", "fullName-1", "fullName-2", "fullName-3", "fullName-4", "fullName-5", "fullName-6", "fullName-7"],
  vip: [true, false],
};

/** A valid body for /api/customers; creates the rows its required relations need. */
export function payloadCustomer(api: TestApi): Promise<Body> {
  void api;
  return Promise.resolve(pick(CUSTOMER_SAMPLES, next("Customer")));
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createCustomer(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/customers", { ...(await payloadCustomer(api)), ...changes });
}

const PRODUCT_SAMPLES: Record<string, unknown[]> = {
  sku: ["sku-0", "sku-1", "sku-2", "sku-3", "sku-4", "sku-5", "sku-6", "sku-7"],
  name: ["name-0", "name-1", "name-2", "name-3", "name-4", "name-5", "name-6", "name-7"],
  price: ["0.25", "0", "1.25", "1", "2.25", "2", "3.25", "3"],
  stock: [0, 1, 2, 3, 4, 5, 6, 7],
  publicId: ["00f1a691-8964-37e3-80bb-0bc05ee9a9d2", "d1490a15-0fd9-33ff-bb22-0f8bc441cc88", "818c8e53-1e92-3698-a3dd-ad478d69320f", "5794ac16-275c-3fa1-8cc4-68faff4d8678", "3dd4271b-1519-3625-9376-127d8f1a7c5c", "8c3888df-d4bc-3ebb-af23-61f5e32b7e98", "0122808b-7f31-3357-88b3-122f980b4b11", "19c3df69-0ba4-3759-8150-9dc1ddc50d5c"],
};

/** A valid body for /api/products; creates the rows its required relations need. */
export function payloadProduct(api: TestApi): Promise<Body> {
  void api;
  return Promise.resolve(pick(PRODUCT_SAMPLES, next("Product")));
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createProduct(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/products", { ...(await payloadProduct(api)), ...changes });
}

const ORDER_SAMPLES: Record<string, unknown[]> = {
  placedAt: ["2024-01-15T09:30:00Z", "2024-01-15T14:30:00Z", "2024-01-15T19:30:00Z", "2024-01-16T00:30:00Z", "2024-01-16T05:30:00Z", "2024-01-16T10:30:00Z", "2024-01-16T15:30:00Z", "2024-01-16T20:30:00Z"],
  status: ["NEW", "PAID", "SHIPPED", "CANCELLED"],
  note: ["note-0", "note-1", "note-2", "note-3", "note-4", "note-5", "note-6", "note-7"],
};

/** A valid body for /api/orders; creates the rows its required relations need. */
export async function payloadOrder(api: TestApi): Promise<Body> {
  const body = pick(ORDER_SAMPLES, next("Order"));
  body["customerId"] = (await createCustomer(api)).id;
  return body;
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createOrder(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/orders", { ...(await payloadOrder(api)), ...changes });
}

const ORDER_LINE_SAMPLES: Record<string, unknown[]> = {
  quantity: [1, 2, 3, 4, 5, 6, 7, 8],
  unitPrice: ["0.25", "0", "1.25", "1", "2.25", "2", "3.25", "3"],
};

/** A valid body for /api/order-lines; creates the rows its required relations need. */
export async function payloadOrderLine(api: TestApi): Promise<Body> {
  const body = pick(ORDER_LINE_SAMPLES, next("OrderLine"));
  body["orderId"] = (await createOrder(api)).id;
  body["productId"] = (await createProduct(api)).id;
  return body;
}

/** Creates a row through the API (with `changes` applied to the body); returns its JSON. */
export async function createOrderLine(api: TestApi, changes: Body = {}): Promise<Row> {
  return create(api, "/api/order-lines", { ...(await payloadOrderLine(api)), ...changes });
}
