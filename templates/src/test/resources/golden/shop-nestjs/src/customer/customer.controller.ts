/** Endpoints of Customer at /api/customers. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res, UseGuards } from "@nestjs/common";
import type { Request, Response } from "express";
import { BearerGuard } from "../auth/bearer.guard.js";
import { CrudService, register } from "../crud.js";
import { Customer } from "./customer.entity.js";

export const CUSTOMER = register({
  name: "Customer",
  path: "/api/customers",
  entity: Customer,
  fields: [
    { key: "email", kind: "string", required: true, unique: true, pattern: new RegExp("^(?:^[^@\\s]+@[^@\\s]+$)$", "u") },
    { key: "fullName", kind: "string", required: true, maxLength: 120 },
    { key: "vip", kind: "boolean" },
  ],
  toOne: [],
  inbound: [{ source: "Order", key: "customerId" }],
  toMany: [],
  inboundMany: [],
});

@Controller("api/customers")
@UseGuards(BearerGuard)
export class CustomerController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(CUSTOMER, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(CUSTOMER, request);
    response.status(201).setHeader("Location", `${String(CUSTOMER.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(CUSTOMER, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(CUSTOMER, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(CUSTOMER, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(CUSTOMER, id);
  }
}
