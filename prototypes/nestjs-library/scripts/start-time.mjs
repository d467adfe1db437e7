// Starts the built app on a throw-away SQLite database the way the contract check would, and
// prints how long until GET /health answers 200 (then stops it).
import { spawn } from "node:child_process";

const port = 3999;
const started = performance.now();
const child = spawn(process.execPath, ["--disable-wasm-trap-handler", "dist/src/main.js"], {
  env: { ...process.env, DATABASE_URL: "sqlite::memory:", PORT: String(port), HOST: "127.0.0.1", JWT_SECRET: "x".repeat(48) },
  stdio: ["ignore", "ignore", "inherit"],
});
for (;;) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    if (response.status === 200) break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
console.log(`app start: ${Math.round(performance.now() - started)} ms to the first 200 from /health`);
child.kill("SIGTERM");
