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
        name: "categories",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_categories" },
          { name: "title", type: "varchar", length: "80", isNullable: false },
          { name: "parent_id", type: "integer", isNullable: true },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
        uniques: [
          new TableUnique({ name: "uq_categories_title", columnNames: ["title"] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: "fk_categories_parent_id", columnNames: ["parent_id"], referencedTableName: "categories", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }),
        ],
        indices: [
          new TableIndex({ name: "ix_categories_parent_id", columnNames: ["parent_id"] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "tags",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_tags" },
          { name: "label", type: "varchar", length: "40", isNullable: false },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
        uniques: [
          new TableUnique({ name: "uq_tags_label", columnNames: ["label"] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "posts",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_posts" },
          { name: "title", type: "varchar", length: "160", isNullable: false },
          { name: "body", type: t.text, isNullable: false },
          { ...t.timestamp("published_at"), isNullable: true },
          { name: "views", type: "integer", isNullable: true },
          { name: "category_id", type: "integer", isNullable: true },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
        checks: [
          new TableCheck({ name: "ck_posts_views_min", expression: `${q("views")} >= 0` }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: "fk_posts_category_id", columnNames: ["category_id"], referencedTableName: "categories", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }),
        ],
        indices: [
          new TableIndex({ name: "ix_posts_category_id", columnNames: ["category_id"] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "comments",
        columns: [
          { ...id(), primaryKeyConstraintName: "pk_comments" },
          { name: "author", type: "varchar", length: "80", isNullable: false },
          { name: "text", type: t.text, isNullable: false },
          { name: "post_id", type: "integer", isNullable: false },
          t.timestamp("created_at"),
          t.timestamp("updated_at"),
        ],
        foreignKeys: [
          new TableForeignKey({ name: "fk_comments_post_id", columnNames: ["post_id"], referencedTableName: "posts", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }),
        ],
        indices: [
          new TableIndex({ name: "ix_comments_post_id", columnNames: ["post_id"] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "post_tags",
        columns: [
          { name: "post_id", type: "integer", isPrimary: true, isNullable: false, primaryKeyConstraintName: "pk_post_tags" },
          { name: "tag_id", type: "integer", isPrimary: true, isNullable: false, primaryKeyConstraintName: "pk_post_tags" },
        ],
        foreignKeys: [
          new TableForeignKey({ name: "fk_post_tags_post_id", columnNames: ["post_id"], referencedTableName: "posts", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }),
          new TableForeignKey({ name: "fk_post_tags_tag_id", columnNames: ["tag_id"], referencedTableName: "tags", referencedColumnNames: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("post_tags");
    await queryRunner.dropTable("comments");
    await queryRunner.dropTable("posts");
    await queryRunner.dropTable("tags");
    await queryRunner.dropTable("categories");
  }
}
