/** The application module: the data source, the token signer and every controller. */
import { DynamicModule, Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";
import { CategoryController } from "./category/category.controller.js";
import { TagController } from "./tag/tag.controller.js";
import { PostController } from "./post/post.controller.js";
import { CommentController } from "./comment/comment.controller.js";
import { CONFIG, type Config } from "./config.js";
import { CrudService } from "./crud.js";
import { dataSourceOptions } from "./database.js";
import { HealthController } from "./health.js";
import { OpenApiController } from "./openapi.js";

@Module({})
export class AppModule {
  static register(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
      ],
      controllers: [HealthController, OpenApiController, CategoryController, TagController, PostController, CommentController],
      providers: [{ provide: CONFIG, useValue: config }, CrudService],
    };
  }
}
