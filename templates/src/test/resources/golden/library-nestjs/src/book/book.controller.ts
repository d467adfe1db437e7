/** Endpoints of Book at /api/books. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res, UseGuards } from "@nestjs/common";
import type { Request, Response } from "express";
import { BearerGuard } from "../auth/bearer.guard.js";
import { CrudService, register } from "../crud.js";
import { Book } from "./book.entity.js";

export const BOOK = register({
  name: "Book",
  path: "/api/books",
  entity: Book,
  fields: [
    { key: "title", kind: "string", required: true, maxLength: 200 },
    { key: "isbn", kind: "string", unique: true, pattern: new RegExp("^(?:^[0-9-]{10,17}$)$", "u") },
    { key: "price", kind: "decimal", min: "0" },
    { key: "published", kind: "boolean" },
  ],
  toOne: [{ key: "authorId", target: "Author", required: true }],
  inbound: [],
  toMany: [],
  inboundMany: [],
});

@Controller("api/books")
@UseGuards(BearerGuard)
export class BookController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(BOOK, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(BOOK, request);
    response.status(201).setHeader("Location", `${String(BOOK.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(BOOK, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(BOOK, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(BOOK, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(BOOK, id);
  }
}
