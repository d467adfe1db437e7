/** Rows of the orders table. */
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { TextColumn, TimestampColumn } from "../columns.js";
import { Customer } from "../customer/customer.entity.js";

@Entity({ name: "orders" })
@Check("ck_orders_status_enum", "\"status\" IN ('NEW', 'PAID', 'SHIPPED', 'CANCELLED')")
@Index("ix_orders_customer_id", ["customerId"])
export class Order {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_orders" })
  id!: number;

  @TimestampColumn({ name: "placed_at", nullable: false })
  placedAt!: Date;

  @Column({ name: "status", type: "varchar", length: 9, nullable: false })
  status!: string;

  @TextColumn({ name: "note", nullable: true })
  note!: string | null;

  @Column({ name: "customer_id", type: "integer", nullable: false })
  customerId!: number;

  @ManyToOne(() => Customer, { nullable: false, onDelete: "NO ACTION" })
  @JoinColumn({ name: "customer_id", foreignKeyConstraintName: "fk_orders_customer_id" })
  customer?: Relation<Customer>;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
