/** The API's routes, as its OpenAPI document names them, to answer 405 for a known path. */
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

const TEMPLATES: [path: string, methods: string[]][] = [
  ["/health", ["GET"]],
  ["/auth/register", ["POST"]],
  ["/auth/login", ["POST"]],
  ["/openapi.json", ["GET"]],
  ["/api/customers", ["GET", "POST"]],
  ["/api/customers/{id}", ["GET", "PUT", "PATCH", "DELETE"]],
  ["/api/products", ["GET", "POST"]],
  ["/api/products/{id}", ["GET", "PUT", "PATCH", "DELETE"]],
  ["/api/orders", ["GET", "POST"]],
  ["/api/orders/{id}", ["GET", "PUT", "PATCH", "DELETE"]],
  ["/api/order-lines", ["GET", "POST"]],
  ["/api/order-lines/{id}", ["GET", "PUT", "PATCH", "DELETE"]],
];

const ROUTES: Route[] = TEMPLATES.map(([template, methods]) => ({ pattern: compile(template), methods }));

/** The methods documented for `path`, empty when no route has it. */
export function allowedMethods(path: string): string[] {
  return ROUTES.find((route) => route.pattern.test(path))?.methods ?? [];
}
