/** Rows of the comments table. */
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { TextColumn, TimestampColumn } from "../columns.js";
import { Post_ } from "../post/post.entity.js";

@Entity({ name: "comments" })
@Index("ix_comments_post_id", ["postId"])
export class Comment {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_comments" })
  id!: number;

  @Column({ name: "author", type: "varchar", length: 80, nullable: false })
  author!: string;

  @TextColumn({ name: "text", nullable: false })
  text!: string;

  @Column({ name: "post_id", type: "integer", nullable: false })
  postId!: number;

  @ManyToOne(() => Post_, { nullable: false, onDelete: "NO ACTION" })
  @JoinColumn({ name: "post_id", foreignKeyConstraintName: "fk_comments_post_id" })
  post?: Relation<Post_>;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
