/** The API's routes as its OpenAPI document names them, to answer 405 for a known path. */
import { OPENAPI_DOCUMENT } from "./openapi.js";

const METHODS = ["get", "put", "post", "delete", "patch"];

interface Route {
  pattern: RegExp;
  methods: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A path template's parameters match what the app routes: ids of at most 19 digits. */
function compile(template: string): RegExp {
  const parts = template.split(/(\{[^}]+\})/).map((part) =>
    part.startsWith("{") ? "[0-9]{1,19}" : escapeRegExp(part),
  );
  return new RegExp(`^${parts.join("")}$`);
}

const ROUTES: Route[] = Object.entries(
  (JSON.parse(OPENAPI_DOCUMENT.toString("utf8")) as { paths: Record<string, object> }).paths,
).map(([template, item]) => ({
  pattern: compile(template),
  methods: Object.keys(item)
    .filter((method) => METHODS.includes(method))
    .map((method) => method.toUpperCase()),
}));

/** The methods documented for `path`, empty when no route has it. */
export function allowedMethods(path: string): string[] {
  return ROUTES.find((route) => route.pattern.test(path))?.methods ?? [];
}
