/** Endpoints of Author at /api/authors. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res, UseGuards } from "@nestjs/common";
import type { Request, Response } from "express";
import { BearerGuard } from "../auth/bearer.guard.js";
import { CrudService, register } from "../crud.js";
import { Author } from "./author.entity.js";

export const AUTHOR = register({
  name: "Author",
  path: "/api/authors",
  entity: Author,
  fields: [
    { key: "name", kind: "string", required: true, maxLength: 120 },
    { key: "born", kind: "date" },
  ],
  toOne: [],
  inbound: [{ source: "Book", key: "authorId" }],
  toMany: [],
  inboundMany: [],
});

@Controller("api/authors")
@UseGuards(BearerGuard)
export class AuthorController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(AUTHOR, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(AUTHOR, request);
    response.status(201).setHeader("Location", `${String(AUTHOR.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(AUTHOR, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(AUTHOR, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(AUTHOR, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(AUTHOR, id);
  }
}
