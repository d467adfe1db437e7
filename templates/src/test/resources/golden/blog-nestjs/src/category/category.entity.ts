/** Rows of the categories table. */
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from "typeorm";
import { TimestampColumn } from "../columns.js";

@Entity({ name: "categories" })
@Unique("uq_categories_title", ["title"])
@Index("ix_categories_parent_id", ["parentId"])
export class Category {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_categories" })
  id!: number;

  @Column({ name: "title", type: "varchar", length: 80, nullable: false })
  title!: string;

  @Column({ name: "parent_id", type: "integer", nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: "NO ACTION" })
  @JoinColumn({ name: "parent_id", foreignKeyConstraintName: "fk_categories_parent_id" })
  parent?: Relation<Category>;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
