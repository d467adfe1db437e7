/** Rows of the order_lines table. */
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { TimestampColumn } from "../columns.js";
import { Order } from "../order/order.entity.js";
import { Product } from "../product/product.entity.js";

@Entity({ name: "order_lines" })
@Check("ck_order_lines_quantity_min", "\"quantity\" >= 1")
@Check("ck_order_lines_unit_price_min", "\"unit_price\" >= 0")
@Index("ix_order_lines_order_id", ["orderId"])
@Index("ix_order_lines_product_id", ["productId"])
export class OrderLine {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_order_lines" })
  id!: number;

  @Column({ name: "quantity", type: "integer", nullable: false })
  quantity!: number;

  @Column({ name: "unit_price", type: "decimal", precision: 20, scale: 6, nullable: false })
  unitPrice!: string | number;

  @Column({ name: "order_id", type: "integer", nullable: false })
  orderId!: number;

  @ManyToOne(() => Order, { nullable: false, onDelete: "NO ACTION" })
  @JoinColumn({ name: "order_id", foreignKeyConstraintName: "fk_order_lines_order_id" })
  order?: Relation<Order>;

  @Column({ name: "product_id", type: "integer", nullable: false })
  productId!: number;

  @ManyToOne(() => Product, { nullable: false, onDelete: "NO ACTION" })
  @JoinColumn({ name: "product_id", foreignKeyConstraintName: "fk_order_lines_product_id" })
  product?: Relation<Product>;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
