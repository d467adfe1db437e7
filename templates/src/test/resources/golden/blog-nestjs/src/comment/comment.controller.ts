/** Endpoints of Comment at /api/comments. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res } from "@nestjs/common";
import type { Request, Response } from "express";
import { CrudService, register } from "../crud.js";
import { Comment } from "./comment.entity.js";

export const COMMENT = register({
  name: "Comment",
  path: "/api/comments",
  entity: Comment,
  fields: [
    { key: "author", kind: "string", required: true, maxLength: 80 },
    { key: "text", kind: "text", required: true },
  ],
  toOne: [{ key: "postId", target: "Post", required: true }],
  inbound: [],
  toMany: [],
  inboundMany: [],
});

@Controller("api/comments")
export class CommentController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(COMMENT, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(COMMENT, request);
    response.status(201).setHeader("Location", `${String(COMMENT.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(COMMENT, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(COMMENT, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(COMMENT, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(COMMENT, id);
  }
}
