/** Endpoints of Order at /api/orders. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res, UseGuards } from "@nestjs/common";
import type { Request, Response } from "express";
import { BearerGuard } from "../auth/bearer.guard.js";
import { CrudService, register } from "../crud.js";
import { Order } from "./order.entity.js";

export const ORDER = register({
  name: "Order",
  path: "/api/orders",
  entity: Order,
  fields: [
    { key: "placedAt", kind: "datetime", required: true },
    { key: "status", kind: "enum", required: true, values: ["NEW", "PAID", "SHIPPED", "CANCELLED"] },
    { key: "note", kind: "text" },
  ],
  toOne: [{ key: "customerId", target: "Customer", required: true }],
  inbound: [{ source: "OrderLine", key: "orderId" }],
  toMany: [],
  inboundMany: [],
});

@Controller("api/orders")
@UseGuards(BearerGuard)
export class OrderController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(ORDER, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(ORDER, request);
    response.status(201).setHeader("Location", `${String(ORDER.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(ORDER, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(ORDER, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(ORDER, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(ORDER, id);
  }
}
