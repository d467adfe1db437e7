/** Accounts: registration and login, which exchanges email and password for an access token. */
import { Controller, HttpCode, Inject, Post, Req } from "@nestjs/common";
import { JwtService } from "@nestjs/jwt";
import { InjectRepository } from "@nestjs/typeorm";
import type { Request } from "express";
import type { Repository } from "typeorm";
import { CONFIG, type Config } from "../config.js";
import { jsonObject } from "../inputs.js";
import { ApiError, FieldError, fieldError, invalid } from "../problems.js";
import { AuthAccount } from "./account.entity.js";
import { hashPassword, verifyPassword } from "./passwords.js";

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 200;

async function credentials(request: Request): Promise<{ email: string; password: string }> {
  const payload = await jsonObject(request);
  const errors: FieldError[] = [];
  for (const key of [...payload.keys()].filter((k) => k !== "email" && k !== "password").sort()) {
    errors.push(fieldError(key, "Unknown field."));
  }
  const email = payload.get("email");
  const password = payload.get("password");
  if (typeof email !== "string" || [...email].length > 255 || !EMAIL.test(email)) {
    errors.push(fieldError("email", "A valid email address is required."));
  }
  if (typeof password !== "string" || [...password].length < MIN_PASSWORD_LENGTH || [...password].length > MAX_PASSWORD_LENGTH) {
    errors.push(fieldError("password", `Between ${MIN_PASSWORD_LENGTH} and ${MAX_PASSWORD_LENGTH} characters.`));
  }
  if (errors.length > 0 || typeof email !== "string" || typeof password !== "string") {
    throw invalid("The request is invalid.", errors);
  }
  return { email: email.trim().toLowerCase(), password };
}

@Controller("auth")
export class AuthController {
  constructor(
    @InjectRepository(AuthAccount) private readonly accounts: Repository<AuthAccount>,
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post("register")
  @HttpCode(201)
  async register(@Req() request: Request): Promise<{ id: number; email: string }> {
    const { email, password } = await credentials(request);
    if (await this.accounts.existsBy({ email })) {
      throw new ApiError(409, "conflict", "The account already exists.", [fieldError("email", "This email is already registered.")]);
    }
    const passwordHash = await hashPassword(password, this.config.passwordHashCost);
    const result = await this.accounts.insert({ email, passwordHash });
    return { id: Number((result.identifiers[0] as { id: number }).id), email };
  }

  @Post("login")
  @HttpCode(200)
  async login(@Req() request: Request): Promise<{ accessToken: string; tokenType: "Bearer"; expiresIn: number }> {
    const { email, password } = await credentials(request);
    const account = await this.accounts.findOneBy({ email });
    if (account === null || !(await verifyPassword(password, account.passwordHash))) {
      throw new ApiError(401, "unauthorized", "Wrong email or password.");
    }
    const accessToken = await this.jwt.signAsync({ sub: String(account.id) });
    return { accessToken, tokenType: "Bearer", expiresIn: this.config.jwtTtlSeconds };
  }
}
