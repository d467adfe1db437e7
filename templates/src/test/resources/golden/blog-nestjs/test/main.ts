/** Every test file in one process: Nest, TypeORM and sql.js load once (`npm test` runs this). */
import "./category.test.js";
import "./comment.test.js";
import "./health.test.js";
import "./hostile.test.js";
import "./migrations.test.js";
import "./openapi.test.js";
import "./post.test.js";
import "./tag.test.js";
