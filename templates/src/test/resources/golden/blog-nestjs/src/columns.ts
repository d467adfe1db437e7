/**
 * Columns whose type differs by database: a UTC date-time is `timestamptz` on PostgreSQL,
 * `datetime(6)` on MySQL and `datetime` on SQLite, as the migrations create them. Entities are
 * declared before DATABASE_URL is read, so their options are settled by `settleColumnTypes`
 * when the data source options are built (TypeORM keeps the options object it was given).
 */
import { Column, type ColumnOptions, type DataSourceOptions } from "typeorm";

const timestamps: ColumnOptions[] = [];
const texts: ColumnOptions[] = [];

/** A non-null UTC date-time column (`createdAt`, `updatedAt`, datetime fields). */
export function TimestampColumn(options: ColumnOptions & { name: string }): PropertyDecorator {
  const settled: ColumnOptions = { ...options, type: "datetime" };
  timestamps.push(settled);
  return Column(settled);
}

/**
 * A text column: `mediumtext` on MySQL, whose TEXT holds only 64 KiB (the migration creates it so),
 * `text` elsewhere.
 */
export function TextColumn(options: ColumnOptions & { name: string }): PropertyDecorator {
  const settled: ColumnOptions = { ...options, type: "text" };
  texts.push(settled);
  return Column(settled);
}

export function settleColumnTypes(type: DataSourceOptions["type"]): void {
  for (const options of timestamps) {
    const target = options as { type?: string; precision?: number };
    target.type = type === "postgres" ? "timestamptz" : "datetime";
    target.precision = type === "mysql" || type === "mariadb" ? 6 : undefined;
  }
  for (const options of texts) {
    (options as { type?: string }).type = type === "mysql" || type === "mariadb" ? "mediumtext" : "text";
  }
}
