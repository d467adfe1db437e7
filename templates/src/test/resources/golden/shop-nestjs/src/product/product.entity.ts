/** Rows of the products table. */
import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from "typeorm";
import { TimestampColumn } from "../columns.js";

@Entity({ name: "products" })
@Unique("uq_products_sku", ["sku"])
@Check("ck_products_price_min", "\"price\" >= 0")
@Check("ck_products_stock_min", "\"stock\" >= 0")
export class Product {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_products" })
  id!: number;

  @Column({ name: "sku", type: "varchar", length: 32, nullable: false })
  sku!: string;

  @Column({ name: "name", type: "varchar", length: 255, nullable: false })
  name!: string;

  @Column({ name: "price", type: "decimal", precision: 20, scale: 6, nullable: false })
  price!: string | number;

  @Column({ name: "stock", type: "integer", nullable: true })
  stock!: number | null;

  @Column({ name: "public_id", type: "varchar", length: 36, nullable: true })
  publicId!: string | null;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
