/** Endpoints of Post at /api/posts. */
import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, Res } from "@nestjs/common";
import type { Request, Response } from "express";
import { CrudService, register } from "../crud.js";
import { Post_ } from "./post.entity.js";

export const POST = register({
  name: "Post",
  path: "/api/posts",
  entity: Post_,
  fields: [
    { key: "title", kind: "string", required: true, minLength: 3, maxLength: 160 },
    { key: "body", kind: "text", required: true },
    { key: "publishedAt", kind: "datetime" },
    { key: "views", kind: "integer", min: "0" },
  ],
  toOne: [{ key: "categoryId", target: "Category" }],
  inbound: [{ source: "Comment", key: "postId" }],
  toMany: [{ key: "tagsIds", target: "Tag", table: "post_tags", ownerColumn: "post_id", targetColumn: "tag_id" }],
  inboundMany: [],
});

@Controller("api/posts")
export class PostController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  list(@Req() request: Request) {
    return this.crud.list(POST, request);
  }

  @Post()
  async create(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const row = await this.crud.create(POST, request);
    response.status(201).setHeader("Location", `${String(POST.path)}/${String(row.id)}`);
    return row;
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.crud.get(POST, id);
  }

  @Put(":id")
  replace(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(POST, id, request, false);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Req() request: Request) {
    return this.crud.update(POST, id, request, true);
  }

  @Delete(":id")
  @HttpCode(204)
  async delete(@Param("id") id: string): Promise<void> {
    await this.crud.delete(POST, id);
  }

  @Get(":id/tags")
  listTags(@Param("id") id: string, @Req() request: Request) {
    return this.crud.listLinked(POST, id, request, "tagsIds");
  }
}
