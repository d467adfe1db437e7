/** Someone who may call the API. */
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "auth_accounts" })
export class AuthAccount {
  @PrimaryGeneratedColumn({ name: "id" })
  id!: number;

  @Column({ name: "email", type: "varchar", length: 255, nullable: false })
  email!: string;

  @Column({ name: "password_hash", type: "varchar", length: 255, nullable: false })
  passwordHash!: string;
}
