/** Rows of the books table. */
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from "typeorm";
import { TimestampColumn } from "../columns.js";
import { Author } from "../author/author.entity.js";

@Entity({ name: "books" })
@Unique("uq_books_isbn", ["isbn"])
@Check("ck_books_price_min", "\"price\" >= 0")
@Index("ix_books_author_id", ["authorId"])
export class Book {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_books" })
  id!: number;

  @Column({ name: "title", type: "varchar", length: 200, nullable: false })
  title!: string;

  @Column({ name: "isbn", type: "varchar", length: 255, nullable: true })
  isbn!: string | null;

  @Column({ name: "price", type: "decimal", precision: 20, scale: 6, nullable: true })
  price!: string | number | null;

  @Column({ name: "published", type: "boolean", nullable: true })
  published!: boolean | null;

  @Column({ name: "author_id", type: "integer", nullable: false })
  authorId!: number;

  @ManyToOne(() => Author, { nullable: false, onDelete: "NO ACTION" })
  @JoinColumn({ name: "author_id", foreignKeyConstraintName: "fk_books_author_id" })
  author?: Relation<Author>;

  @TimestampColumn({ name: "created_at" })
  createdAt!: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt!: Date;
}
