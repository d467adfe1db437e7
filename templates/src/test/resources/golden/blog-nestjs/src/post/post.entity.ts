/** Rows of the posts table. */
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { TextColumn, TimestampColumn } from "../columns.js";
import { Category } from "../category/category.entity.js";

@Entity({ name: "posts" })
@Check("ck_posts_views_min", "\"views\" >= 0")
@Index("ix_posts_category_id", ["categoryId"])
export class Post_ {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_posts" })
  id!: number;

  @Column({ name: "title", type: "varchar", length: 160, nullable: false })
  title!: string;

  @TextColumn({ name: "body", nullable: false })
  body!: string;

  @TimestampColumn({ name: "published_at", nullable: true })
  publishedAt!: Date | null;

  @Column({ name: "views", type: "integer", nullable: true })
  views!: number | null;

  @Column({ name: "category_id", type: "integer", nullable: true })
  categoryId!: number | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: "NO ACTION" })
  @JoinColumn({ name: "category_id", foreignKeyConstraintName: "fk_posts_category_id" })
  category?: Relation<Category>;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
