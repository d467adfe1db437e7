/** Someone who may call the API. */
import { Column, Entity, PrimaryGeneratedColumn, Unique } from "typeorm";

@Entity({ name: "auth_accounts" })
@Unique("uq_auth_accounts_email", ["email"])
export class AuthAccount {
  @PrimaryGeneratedColumn({ name: "id", primaryKeyConstraintName: "pk_auth_accounts" })
  id!: number;

  @Column({ name: "email", type: "varchar", length: 255, nullable: false })
  email!: string;

  @Column({ name: "password_hash", type: "varchar", length: 255, nullable: false })
  passwordHash!: string;
}
