/** Rows of the authors table. */
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { TimestampColumn } from "../columns.js";

@Entity({ name: "authors" })
export class Author {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_authors" })
  id!: number;

  @Column({ name: "name", type: "varchar", length: 120, nullable: false })
  name!: string;

  @Column({ name: "born", type: "date", nullable: true })
  born!: string | null;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
