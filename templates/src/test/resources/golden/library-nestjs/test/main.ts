/** Every test file in one process: Nest, TypeORM and sql.js load once (`npm test` runs this). */
import "./auth.test.js";
import "./author.test.js";
import "./book.test.js";
import "./health.test.js";
import "./hostile.test.js";
import "./migrations.test.js";
import "./openapi.test.js";
