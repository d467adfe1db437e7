/** Rows of the customers table. */
import { Column, Entity, PrimaryGeneratedColumn, Unique } from "typeorm";
import { TimestampColumn } from "../columns.js";

@Entity({ name: "customers" })
@Unique("uq_customers_email", ["email"])
export class Customer {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_customers" })
  id!: number;

  @Column({ name: "email", type: "varchar", length: 255, nullable: false })
  email!: string;

  @Column({ name: "full_name", type: "varchar", length: 120, nullable: false })
  fullName!: string;

  @Column({ name: "vip", type: "boolean", nullable: true })
  vip!: boolean | null;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
