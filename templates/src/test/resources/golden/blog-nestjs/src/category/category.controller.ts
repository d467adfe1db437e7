/** Endpoints of Category at /api/categories. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res } from "@nestjs/common";
import type { Request, Response } from "express";
import { CrudService, register } from "../crud.js";
import { Category } from "./category.entity.js";

export const CATEGORY = register({
  name: "Category",
  path: "/api/categories",
  entity: Category,
  fields: [
    { key: "title", kind: "string", required: true, unique: true, maxLength: 80 },
  ],
  toOne: [{ key: "parentId", target: "Category" }],
  inbound: [{ source: "Category", key: "parentId" }, { source: "Post", key: "categoryId" }],
  toMany: [],
  inboundMany: [],
});

@Controller("api/categories")
export class CategoryController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(CATEGORY, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(CATEGORY, request);
    response.status(201).setHeader("Location", `${String(CATEGORY.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(CATEGORY, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(CATEGORY, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(CATEGORY, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(CATEGORY, id);
  }
}
