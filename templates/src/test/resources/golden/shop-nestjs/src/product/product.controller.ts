/** Endpoints of Product at /api/products. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res, UseGuards } from "@nestjs/common";
import type { Request, Response } from "express";
import { BearerGuard } from "../auth/bearer.guard.js";
import { CrudService, register } from "../crud.js";
import { Product } from "./product.entity.js";

export const PRODUCT = register({
  name: "Product",
  path: "/api/products",
  entity: Product,
  fields: [
    { key: "sku", kind: "string", required: true, unique: true, maxLength: 32 },
    { key: "name", kind: "string", required: true },
    { key: "price", kind: "decimal", required: true, min: "0" },
    { key: "stock", kind: "integer", min: "0" },
    { key: "publicId", kind: "uuid" },
  ],
  toOne: [],
  inbound: [{ source: "OrderLine", key: "productId" }],
  toMany: [],
  inboundMany: [],
});

@Controller("api/products")
@UseGuards(BearerGuard)
export class ProductController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(PRODUCT, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(PRODUCT, request);
    response.status(201).setHeader("Location", `${String(PRODUCT.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(PRODUCT, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(PRODUCT, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(PRODUCT, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(PRODUCT, id);
  }
}
