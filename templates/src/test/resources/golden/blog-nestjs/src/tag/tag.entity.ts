/** Rows of the tags table. */
import { Column, Entity, PrimaryGeneratedColumn, Unique } from "typeorm";
import { TimestampColumn } from "../columns.js";

@Entity({ name: "tags" })
@Unique("uq_tags_label", ["label"])
export class Tag {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_tags" })
  id!: number;

  @Column({ name: "label", type: "varchar", length: 40, nullable: false })
  label!: string;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
