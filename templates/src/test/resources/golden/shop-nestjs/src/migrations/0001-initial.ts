/**
 * The initial schema: every table with its named unique, check and foreign-key constraints and
 * indexes, through TypeORM's schema builder so that one migration serves PostgreSQL, MySQL and
 * SQLite (the column types that differ come from `types`).
 */
import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumnOptions, TableForeignKey, TableIndex, TableUnique } from "typeorm";

function types(queryRunner: QueryRunner) {
  const type = queryRunner.connection.options.type;
  const mysql = type === "mysql" || type === "mariadb";
  return {
    /** Fractions of a second kept, in UTC. */
    timestamp: (name: string): TableColumnOptions =>
      type === "postgres"
        ? { name, type: "timestamptz", isNullable: false }
        : mysql
          ? { name, type: "datetime", precision: 6, isNullable: false }
          : { name, type: "datetime", isNullable: false },
    /** MySQL's TEXT holds 64 KiB; MEDIUMTEXT (16 MiB) holds any text a request body can carry. */
    text: mysql ? "mediumtext" : "text",
  };
}

function id(): TableColumnOptions {
  return { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment", primaryKeyConstraintName: "pk" };
}

export class Initial1700000000001 implements MigrationInterface {
  name = "Initial1700000000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = types(queryRunner);
    const q = (column: string) => queryRunner.connection.driver.escape(column);
    void t;
    void q;
    await queryRunner.createTable(
      new Table({
        name: "auth_accounts",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_auth_accounts" },
          { name: "email", type: "varchar", length: "255", isNullable: false },
          { name: "password_hash", type: "varchar", length: "255", isNullable: false },
        ],
        uniques: [new TableUnique({ name: "uq_auth_accounts_email", columnNames: ["email"] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "customers",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_customers" },
          { name: "email", type: "varchar", length: "255", isNullable: false },
          { name: "full_name", type: "varchar", length: "120", isNullable: false },
          { name: "vip", type: "boolean", isNullable: true },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
        uniques: [
          new TableUnique({ name: "uq_customers_email", columnNames: ["email"] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "products",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_products" },
          { name: "sku", type: "varchar", length: "32", isNullable: false },
          { name: "name", type: "varchar", length: "255", isNullable: false },
          { name: "price", type: "decimal", precision: 20, scale: 6, isNullable: false },
          { name: "stock", type: "integer", isNullable: true },
          { name: "public_id", type: "varchar", length: "36", isNullable: true },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
        uniques: [
          new TableUnique({ name: "uq_products_sku", columnNames: ["sku"] }),
        ],
        checks: [
          new TableCheck({ name: "ck_products_price_min", expression: `${q("price")} >= 0` }),
          new TableCheck({ name: "ck_products_stock_min", expression: `${q("stock")} >= 0` }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "orders",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_orders" },
          { ...t.timestamp("placed_at"), isNullable: false },
          { name: "status", type: "varchar", length: "9", isNullable: false },
          { name: "note", type: t.text, isNullable: true },
          { name: "customer_id", type: "integer", isNullable: false },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
        checks: [
          new TableCheck({ name: "ck_orders_status_enum", expression: `${q("status")} IN ('NEW', 'PAID', 'SHIPPED', 'CANCELLED')` }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: "fk_orders_customer_id", columnNames: ["customer_id"], referencedTableName: "customers", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }),
        ],
        indices: [
          new TableIndex({ name: "ix_orders_customer_id", columnNames: ["customer_id"] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "order_lines",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_order_lines" },
          { name: "quantity", type: "integer", isNullable: false },
          { name: "unit_price", type: "decimal", precision: 20, scale: 6, isNullable: false },
          { name: "order_id", type: "integer", isNullable: false },
          { name: "product_id", type: "integer", isNullable: false },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
        checks: [
          new TableCheck({ name: "ck_order_lines_quantity_min", expression: `${q("quantity")} >= 1` }),
          new TableCheck({ name: "ck_order_lines_unit_price_min", expression: `${q("unit_price")} >= 0` }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: "fk_order_lines_order_id", columnNames: ["order_id"], referencedTableName: "orders", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }),
          new TableForeignKey({ name: "fk_order_lines_product_id", columnNames: ["product_id"], referencedTableName: "products", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }),
        ],
        indices: [
          new TableIndex({ name: "ix_order_lines_order_id", columnNames: ["order_id"] }),
          new TableIndex({ name: "ix_order_lines_product_id", columnNames: ["product_id"] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("order_lines");
    await queryRunner.dropTable("orders");
    await queryRunner.dropTable("products");
    await queryRunner.dropTable("customers");
    await queryRunner.dropTable("auth_accounts");
  }
}
