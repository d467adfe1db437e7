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
        name: "authors",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_authors" },
          { name: "name", type: "varchar", length: "120", isNullable: false },
          { name: "born", type: "date", isNullable: true },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "books",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_books" },
          { name: "title", type: "varchar", length: "200", isNullable: false },
          { name: "isbn", type: "varchar", length: "255", isNullable: true },
          { name: "price", type: "decimal", precision: 20, scale: 6, isNullable: true },
          { name: "published", type: "boolean", isNullable: true },
          { name: "author_id", type: "integer", isNullable: false },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
        uniques: [
          new TableUnique({ name: "uq_books_isbn", columnNames: ["isbn"] }),
        ],
        checks: [
          new TableCheck({ name: "ck_books_price_min", expression: `${q("price")} >= 0` }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: "fk_books_author_id", columnNames: ["author_id"], referencedTableName: "authors", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }),
        ],
        indices: [
          new TableIndex({ name: "ix_books_author_id", columnNames: ["author_id"] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("books");
    await queryRunner.dropTable("authors");
    await queryRunner.dropTable("auth_accounts");
  }
}
