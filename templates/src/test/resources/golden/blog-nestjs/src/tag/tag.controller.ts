/** Endpoints of Tag at /api/tags. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res } from "@nestjs/common";
import type { Request, Response } from "express";
import { CrudService, register } from "../crud.js";
import { Tag } from "./tag.entity.js";

export const TAG = register({
  name: "Tag",
  path: "/api/tags",
  entity: Tag,
  fields: [
    { key: "label", kind: "string", required: true, unique: true, maxLength: 40 },
  ],
  toOne: [],
  inbound: [],
  toMany: [],
  inboundMany: [{ table: "post_tags", column: "tag_id" }],
});

@Controller("api/tags")
export class TagController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(TAG, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(TAG, request);
    response.status(201).setHeader("Location", `${String(TAG.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(TAG, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(TAG, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(TAG, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(TAG, id);
  }
}
