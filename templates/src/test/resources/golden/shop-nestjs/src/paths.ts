/** Where the project's own files are, from source (src/) or compiled (dist/src/) code alike. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`No package.json above ${start}`);
    }
    dir = parent;
  }
  return dir;
}

/** The directory of package.json. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
