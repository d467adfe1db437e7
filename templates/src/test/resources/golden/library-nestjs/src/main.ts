/** Starts the API on PORT (default 3000); pending migrations run first. */
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";

const app = await createApp();
app.enableShutdownHooks();
await app.listen(loadConfig().port, process.env.HOST ?? "0.0.0.0");
