/** The migrations build exactly the schema the entities describe, and undo it. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DataSource } from "typeorm";
import { dataSourceOptions } from "../src/database.js";
import { TEST_CONFIG } from "./support.js";

describe("migrations", () => {
  it("upgrade leaves nothing for the entities to change, downgrade drops every table", async () => {
    const options = { ...dataSourceOptions(TEST_CONFIG.databaseUrl ?? "sqlite::memory:"), migrationsRun: false };
    const dataSource = await new DataSource(options).initialize();
    try {
      await dataSource.runMigrations();
      const pending = await dataSource.driver.createSchemaBuilder().log();
      assert.deepEqual(pending.upQueries.map((query) => query.query), []);
      for (let i = 0; i < dataSource.migrations.length; i++) {
        await dataSource.undoLastMigration();
      }
      const tables = await dataSource.createQueryRunner().getTables(["post_tags", "comments", "posts", "tags", "categories"]);
      assert.deepEqual(tables.map((table) => table.name), []);
      // Leaves the database as it found it: the other test files' application shares it.
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
  });
});
