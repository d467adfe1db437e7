#!/usr/bin/env python3
"""Writes a large variant of this exemplar (N entities x 15 fields) to measure build and test times.

    scripts/gen_big.py OUT_DIR [ENTITIES]

It copies the project's shared files (src/*.ts but the entity folders, test support, configs) and
renders, per entity, what a generator would: the entity, its controller with the resource
descriptor, its tables in the one migration, its sample values, its test file and its OpenAPI
paths (operations only: enough for the project's own OpenAPI tests, not a full document). Entity i
has an optional many-to-one `parentId` to entity i-1. Field types cycle through string, text,
integer, decimal, boolean and date, with required, unique, maxLength, min/max and pattern.
"""
import json
import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = pathlib.Path(sys.argv[1]).resolve()
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 40

# (name suffix, kind, extra constraints)
FIELDS = [
    ("title", "string", {"required": True, "maxLength": 100}),
    ("code", "string", {"unique": True, "pattern": "^[A-Z0-9-]{3,20}$"}),
    ("notes", "text", {}),
    ("quantity", "integer", {"min": "0", "max": "100000"}),
    ("amount", "decimal", {"min": "0"}),
    ("active", "boolean", {}),
    ("since", "date", {}),
    ("label", "string", {"maxLength": 60}),
    ("rank", "integer", {}),
    ("ratio", "decimal", {}),
    ("flag", "boolean", {}),
    ("until", "date", {}),
    ("summary", "string", {}),
    ("level", "integer", {"min": "1", "max": "10"}),
    ("tag", "string", {"maxLength": 30}),
]


def entity_names(i):
    cls = f"Item{i:02d}"
    return cls, f"item{i:02d}", f"item{i:02d}s"


def column(field, kind, c):
    null = "false" if c.get("required") else "true"
    if kind == "string":
        return f'@Column({{ name: "{field}", type: "varchar", length: {c.get("maxLength", 255)}, nullable: {null} }})\n  {field}!: string | null;'
    if kind == "text":
        return f'@Column({{ name: "{field}", type: "text", nullable: {null} }})\n  {field}!: string | null;'
    if kind == "integer":
        return f'@Column({{ name: "{field}", type: "integer", nullable: {null} }})\n  {field}!: number | null;'
    if kind == "decimal":
        return f'@Column({{ name: "{field}", type: "decimal", precision: 20, scale: 6, nullable: {null} }})\n  {field}!: string | number | null;'
    if kind == "boolean":
        return f'@Column({{ name: "{field}", type: "boolean", nullable: {null} }})\n  {field}!: boolean | null;'
    if kind == "date":
        return f'@Column({{ name: "{field}", type: "date", nullable: {null} }})\n  {field}!: string | null;'
    raise ValueError(kind)


def migration_column(field, kind, c):
    null = "false" if c.get("required") else "true"
    if kind == "string":
        return f'{{ name: "{field}", type: "varchar", length: "{c.get("maxLength", 255)}", isNullable: {null} }}'
    if kind == "text":
        return f'{{ name: "{field}", type: t.text, isNullable: {null} }}'
    if kind == "decimal":
        return f'{{ name: "{field}", type: "decimal", precision: 20, scale: 6, isNullable: {null} }}'
    return f'{{ name: "{field}", type: "{kind}", isNullable: {null} }}'


def field_descriptor(field, kind, c):
    parts = [f'key: "{field}"', f'kind: "{kind}"']
    for key in ("required", "unique"):
        if c.get(key):
            parts.append(f"{key}: true")
    if "maxLength" in c:
        parts.append(f'maxLength: {c["maxLength"]}')
    if "pattern" in c:
        parts.append(f'pattern: /^(?:{c["pattern"]})$/u')
    for key in ("min", "max"):
        if key in c:
            parts.append(f'{key}: "{c[key]}"')
    return "{ " + ", ".join(parts) + " }"


def samples(field, kind, c):
    if kind in ("string", "text"):
        if "pattern" in c:
            return [f"C{n:03d}-X" for n in range(8)]
        return [f"{field}-{n}" for n in range(8)]
    if kind == "integer":
        low = int(c.get("min", "0"))
        high = int(c.get("max", "1000"))
        return [min(high, low + n) for n in range(8)]
    if kind == "decimal":
        return ["0.25", "0", "1.25", "1", "2.25", "2", "3.25", "3"]
    if kind == "boolean":
        return [True, False]
    if kind == "date":
        return [f"2024-01-{10 + 3 * n:02d}" for n in range(8)]
    raise ValueError(kind)


def invalid_values(field, kind, c):
    out = []
    if kind in ("string", "text"):
        out.append((field, 12345, "type"))
        if kind == "string":
            out.append((field, "x" * (c.get("maxLength", 255) + 1), "maxLength"))
        if "pattern" in c:
            out.append((field, "lower case!", "pattern"))
    elif kind == "integer":
        out.append((field, "7", "type"))
        out.append((field, 1.5, "fraction"))
        if "min" in c:
            out.append((field, int(c["min"]) - 1, "min"))
        if "max" in c:
            out.append((field, int(c["max"]) + 1, "max"))
    elif kind == "decimal":
        out.append((field, "not-a-number", "type"))
        if "min" in c:
            out.append((field, "-1", "min"))
    elif kind == "boolean":
        out.append((field, "maybe", "type"))
    elif kind == "date":
        out.append((field, "not-a-date", "type"))
    return out


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for name in ("package.json", "package-lock.json", ".npmrc", "tsconfig.json", "tsconfig.build.json", "eslint.config.js"):
        shutil.copy(ROOT / name, OUT / name)
    (OUT / "src" / "migrations").mkdir(parents=True)
    (OUT / "test").mkdir()
    for path in (ROOT / "src").glob("*.ts"):
        shutil.copy(path, OUT / "src" / path.name)
    shutil.copytree(ROOT / "src" / "auth", OUT / "src" / "auth")
    for name in ("support.ts", "entity-suite.ts", "health.test.ts", "auth.test.ts", "openapi.test.ts", "migrations.test.ts"):
        shutil.copy(ROOT / "test" / name, OUT / "test" / name)
    shutil.copy(ROOT / "src" / "migrations" / "index.ts", OUT / "src" / "migrations" / "index.ts")

    entities = list(range(COUNT))
    migration_tables = []
    factories = [
        'import assert from "node:assert/strict";\nimport type { TestApi } from "./support.js";\n',
        "const counters = new Map<string, number>();\nexport function resetSamples(): void {\n  counters.clear();\n}\n",
        "function next(name: string): number {\n  const n = counters.get(name) ?? 0;\n  counters.set(name, n + 1);\n  return n;\n}\n",
        "type Body = Record<string, unknown>;\ntype Row = Record<string, unknown> & { id: number };\n",
        "function pick(samples: Record<string, unknown[]>, n: number): Body {\n  return Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, values[n % values.length]]));\n}\n",
        "async function create(api: TestApi, url: string, body: Body): Promise<Row> {\n  const answer = await api.post(url, body);\n  assert.equal(answer.status, 201, answer.text);\n  return answer.body as Row;\n}\n",
    ]
    paths = {}
    hostile_entities, hostile_text, hostile_ints, hostile_int_filters, hostile_decimals = [], [], [], [], []
    imports_controllers = []
    imports_entities = []
    for i in entities:
        cls, var, table = entity_names(i)
        folder = OUT / "src" / var
        folder.mkdir()
        fields = [(f"{suffix}", kind, c) for suffix, kind, c in FIELDS]
        columns = "\n\n  ".join(column(f, k, c) for f, k, c in fields)
        parent = i > 0
        pcls, pvar, ptable = entity_names(i - 1) if parent else (None, None, None)
        checks = []
        for f, k, c in fields:
            if "min" in c:
                checks.append((f"ck_{table}_{f}_min", f'"{f}" >= {c["min"]}', f"{f} >= {c['min']}"))
            if "max" in c:
                checks.append((f"ck_{table}_{f}_max", f'"{f}" <= {c["max"]}', f"{f} <= {c['max']}"))
        uniques = [f for f, k, c in fields if c.get("unique")]
        decorators = [f'@Unique("uq_{table}_{f}", ["{f}"])' for f in uniques]
        decorators += [f'@Check("{name}", `{expr}`)' for name, expr, _ in checks]
        relation = ""
        names = ["Column", "Entity", "PrimaryGeneratedColumn"] + (["Unique"] if uniques else []) + (["Check"] if checks else [])
        names += ["Index", "JoinColumn", "ManyToOne"] if parent else []
        names = sorted(names) + (["type Relation"] if parent else [])
        imports = "import { " + ", ".join(names) + ' } from "typeorm";\nimport { TimestampColumn } from "../columns.js";\n'
        if parent:
            decorators.append(f'@Index("ix_{table}_parent_id", ["parentId"])')
            imports += f'import {{ {pcls} }} from "../{pvar}/{pvar}.entity.js";\n'
            relation = (
                f'\n\n  @Column({{ name: "parent_id", type: "integer", nullable: true }})\n  parentId!: number | null;\n\n'
                f"  @ManyToOne(() => {pcls}, {{ nullable: true, onDelete: \"NO ACTION\" }})\n"
                f'  @JoinColumn({{ name: "parent_id", foreignKeyConstraintName: "fk_{table}_parent_id" }})\n'
                f"  parent?: Relation<{pcls}>;"
            )
        (folder / f"{var}.entity.ts").write_text(
            f"/** Rows of the {table} table. */\n{imports}\n"
            f'@Entity({{ name: "{table}" }})\n' + "\n".join(decorators) + "\n"
            f"export class {cls} {{\n"
            f'  @PrimaryGeneratedColumn({{ name: "id", primaryKeyConstraintName: "pk_{table}" }})\n  id!: number;\n\n  {columns}{relation}\n\n'
            f'  @TimestampColumn({{ name: "created_at" }})\n  createdAt!: Date;\n\n  @TimestampColumn({{ name: "updated_at" }})\n  updatedAt!: Date;\n}}\n'
        )
        inbound = f'[{{ source: "{entity_names(i + 1)[0]}", key: "parentId" }}]' if i + 1 < COUNT else "[]"
        to_one = f'[{{ key: "parentId", target: "{pcls}" }}]' if parent else "[]"
        controller = (ROOT / "src" / "author" / "author.controller.ts").read_text()
        start = controller.index("  fields: [")
        end = controller.index("});")
        descriptor = "  fields: [\n" + "".join(f"    {field_descriptor(f, k, c)},\n" for f, k, c in fields) + f"  ],\n  toOne: {to_one},\n  inbound: {inbound},\n"
        controller = controller[:start] + descriptor + controller[end:]
        controller = controller.replace("Author", cls).replace("AUTHOR", var.upper()).replace("api/authors", f"api/{table}")
        controller = controller.replace('"./author.entity.js"', f'"./{var}.entity.js"')
        (folder / f"{var}.controller.ts").write_text(controller)
        imports_controllers.append((f"{cls}Controller", f"./{var}/{var}.controller.js"))
        imports_entities.append((cls, f"./{var}/{var}.entity.js"))

        cols = ",\n          ".join(migration_column(f, k, c) for f, k, c in fields)
        parent_col = '\n          { name: "parent_id", type: "integer", isNullable: true },' if parent else ""
        extra = []
        if uniques:
            extra.append("uniques: [" + ", ".join(f'new TableUnique({{ name: "uq_{table}_{f}", columnNames: ["{f}"] }})' for f in uniques) + "]")
        if checks:
            extra.append("checks: [" + ", ".join(f'new TableCheck({{ name: "{name}", expression: `${{q("{plain.split()[0]}")}} {" ".join(plain.split()[1:])}` }})' for name, _, plain in checks) + "]")
        if parent:
            extra.append(
                f'foreignKeys: [new TableForeignKey({{ name: "fk_{table}_parent_id", columnNames: ["parent_id"], referencedTableName: "{ptable}", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }})]'
            )
            extra.append(f'indices: [new TableIndex({{ name: "ix_{table}_parent_id", columnNames: ["parent_id"] }})]')
        migration_tables.append(
            f"    await queryRunner.createTable(\n      new Table({{\n        name: \"{table}\",\n        columns: [\n"
            f'          {{ ...id(), primaryKeyConstraintName: "pk_{table}" }},\n          {cols},{parent_col}\n'
            f'          t.timestamp("created_at"),\n          t.timestamp("updated_at"),\n        ],\n'
            + "".join(f"        {e},\n" for e in extra)
            + "      }),\n    );\n"
        )

        sample_map = {f: samples(f, k, c) for f, k, c in fields}
        factories.append(
            f"const {var.upper()}_SAMPLES: Record<string, unknown[]> = {json.dumps(sample_map)};\n"
            f"export function payload{cls}(api: TestApi): Promise<Body> {{\n  void api;\n  return Promise.resolve(pick({var.upper()}_SAMPLES, next(\"{cls}\")));\n}}\n"
            f"export async function create{cls}(api: TestApi, changes: Body = {{}}): Promise<Row> {{\n  return create(api, \"/api/{table}\", {{ ...(await payload{cls}(api)), ...changes }});\n}}\n"
        )
        invalid = [v for f, k, c in fields for v in invalid_values(f, k, c)]
        referenced = f'[[create{entity_names(i + 1)[0]}WithParent, "parentId"]]' if i + 1 < COUNT else "[]"
        child_helper = ""
        if i + 1 < COUNT:
            ccls = entity_names(i + 1)[0]
            child_helper = (
                f"async function create{ccls}WithParent(api: TestApi) {{\n  const parent = await create{cls}(api);\n"
                f"  const child = await create{ccls}(api, {{ parentId: parent.id }});\n  return {{ ...child, parentId: parent.id }};\n}}\n\n"
            )
        needed = {f"create{cls}", f"payload{cls}"} | ({f"create{entity_names(i + 1)[0]}"} if i + 1 < COUNT else set())
        (OUT / "test" / f"{var}.test.ts").write_text(
            f'/** Tests of /api/{table}, generated from the spec. */\nimport {{ entitySuite }} from "./entity-suite.js";\n'
            f'import {{ {", ".join(sorted(needed))} }} from "./factories.js";\n' + ('import type { TestApi } from "./support.js";\n' if child_helper else "") + "\n"
            + child_helper
            + f'entitySuite({{\n  name: "{cls}",\n  url: "/api/{table}",\n  create: create{cls},\n  payload: payload{cls},\n'
            f'  decimalKeys: {json.dumps([f for f, k, c in fields if k == "decimal"])},\n'
            f'  required: {json.dumps([f for f, k, c in fields if c.get("required")])},\n'
            f"  invalid: {json.dumps(invalid)},\n"
            f"  unique: {json.dumps(uniques)},\n"
            f'  sortable: {json.dumps([f for f, k, c in fields if k != "text"])},\n'
            f'  filters: {json.dumps([f for f, k, c in fields if k not in ("decimal", "text")] )},\n'
            f'  toOne: {json.dumps(["parentId"] if parent else [])},\n'
            f"  referencedBy: {referenced},\n}});\n"
        )
        op = lambda oid: {"operationId": oid, "summary": oid, "security": [{"bearerAuth": []}], "responses": {"200": {"description": "ok"}}}
        paths[f"/api/{table}"] = {"get": op(f"list{cls}s"), "post": op(f"create{cls}")}
        paths[f"/api/{table}/{{id}}"] = {"get": op(f"get{cls}"), "put": op(f"replace{cls}"), "patch": op(f"update{cls}"), "delete": op(f"delete{cls}")}
        hostile_entities.append(f'["/api/{table}", create{cls}, payload{cls}]')
        hostile_text.append(f'["/api/{table}", "title"]')
        hostile_int_filters.append(f'["/api/{table}", "id", 64]')
        hostile_ints.append(f'["/api/{table}", "quantity", 32]')
        hostile_decimals.append(f'["/api/{table}", "amount"]')

    (OUT / "test" / "factories.ts").write_text("\n".join(factories))
    # The migration: the auth table as in the exemplar, then every entity's table.
    migration = (ROOT / "src" / "migrations" / "0001-initial.ts").read_text()
    start = migration.index('    await queryRunner.createTable(\n      new Table({\n        name: "authors"')
    end = migration.index("  async down")
    body_end = migration.rindex("  }\n", start, end)
    migration = migration[:start] + "".join(migration_tables) + migration[body_end:]
    drops = "".join(f'    await queryRunner.dropTable("{entity_names(i)[2]}");\n' for i in reversed(entities))
    down_start = migration.index("  async down(queryRunner: QueryRunner): Promise<void> {\n") + len("  async down(queryRunner: QueryRunner): Promise<void> {\n")
    down_end = migration.index('    await queryRunner.dropTable("auth_accounts");')
    migration = migration[:down_start] + drops + migration[down_end:]
    (OUT / "src" / "migrations" / "0001-initial.ts").write_text(migration)

    database = (OUT / "src" / "database.ts").read_text()
    database = database.replace('import { Author } from "./author/author.entity.js";\nimport { Book } from "./book/book.entity.js";\n', "".join(f'import {{ {c} }} from "{p}";\n' for c, p in imports_entities))
    database = database.replace("export const ENTITIES = [AuthAccount, Author, Book];", "export const ENTITIES = [AuthAccount, " + ", ".join(c for c, _ in imports_entities) + "];")
    (OUT / "src" / "database.ts").write_text(database)
    module = (OUT / "src" / "app.module.ts").read_text()
    module = module.replace('import { AuthorController } from "./author/author.controller.js";\nimport { BookController } from "./book/book.controller.js";\n', "".join(f'import {{ {c} }} from "{p}";\n' for c, p in imports_controllers))
    module = module.replace("AuthorController, BookController]", ", ".join(c for c, _ in imports_controllers) + "]")
    (OUT / "src" / "app.module.ts").write_text(module)

    support = (OUT / "test" / "support.ts").read_text()
    tables = [entity_names(i)[2] for i in reversed(entities)] + ["auth_accounts"]
    support = support.replace('const TABLES = ["books", "authors", "auth_accounts"];', f"const TABLES = {json.dumps(tables)};")
    (OUT / "test" / "support.ts").write_text(support)
    auth = (OUT / "test" / "auth.test.ts").read_text().replace('"/api/authors"', '"/api/item00s"')
    (OUT / "test" / "auth.test.ts").write_text(auth)

    document = json.loads((ROOT / "src" / "openapi.json").read_text())
    document["paths"] = {k: v for k, v in document["paths"].items() if not k.startswith("/api/")}
    document["paths"].update(paths)
    (OUT / "src" / "openapi.json").write_text(json.dumps(document, indent=2))

    hostile = (ROOT / "test" / "hostile.test.ts").read_text()
    hostile = hostile.replace('import { createAuthor, createBook, payloadAuthor, payloadBook, resetSamples } from "./factories.js";', "import * as f from \"./factories.js\";\nconst { resetSamples } = f;")
    def replace_list(text, name, items):
        start = text.index(f"const {name}")
        end = text.index("];\n", start) + 3
        decl = text[start:text.index(" = [", start) + 2]
        return text[:start] + decl + " [\n" + "".join(f"  {item},\n" for item in items) + "];\n" + text[end:]
    hostile = replace_list(hostile, "ENTITIES", [e.replace(", create", ", f.create").replace(", payload", ", f.payload") for e in hostile_entities])
    hostile = replace_list(hostile, "TEXT:", hostile_text)
    hostile = replace_list(hostile, "INTEGERS", hostile_ints)
    hostile = replace_list(hostile, "INTEGER_FILTERS", hostile_int_filters)
    hostile = replace_list(hostile, "DECIMALS:", hostile_decimals)
    (OUT / "test" / "hostile.test.ts").write_text(hostile)

    tests = sorted(p.stem for p in (OUT / "test").glob("*.test.ts"))
    (OUT / "test" / "main.ts").write_text(
        "/** Every test file in one process. */\n" + "".join(f'import "./{t}.js";\n' for t in tests)
    )
    # Two shards, one per core: the test files alternately, each shard one process.
    for shard in (1, 2):
        (OUT / "test" / f"shard-{shard}.ts").write_text(
            f"/** Shard {shard} of 2 of the test files. */\n" + "".join(f'import "./{t}.js";\n' for t in tests[shard - 1 :: 2])
        )
    print(f"{COUNT} entities x {len(FIELDS)} fields -> {OUT}")


main()
