/** Endpoints of OrderLine at /api/order-lines. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res, UseGuards } from "@nestjs/common";
import type { Request, Response } from "express";
import { BearerGuard } from "../auth/bearer.guard.js";
import { CrudService, register } from "../crud.js";
import { OrderLine } from "./order-line.entity.js";

export const ORDER_LINE = register({
  name: "OrderLine",
  path: "/api/order-lines",
  entity: OrderLine,
  fields: [
    { key: "quantity", kind: "integer", required: true, min: "1" },
    { key: "unitPrice", kind: "decimal", required: true, min: "0" },
  ],
  toOne: [{ key: "orderId", target: "Order", required: true }, { key: "productId", target: "Product", required: true }],
  inbound: [],
  toMany: [],
  inboundMany: [],
});

@Controller("api/order-lines")
@UseGuards(BearerGuard)
export class OrderLineController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(ORDER_LINE, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(ORDER_LINE, request);
    response.status(201).setHeader("Location", `${String(ORDER_LINE.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(ORDER_LINE, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(ORDER_LINE, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(ORDER_LINE, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(ORDER_LINE, id);
  }
}
