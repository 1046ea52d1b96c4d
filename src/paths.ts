// Locations inside the installed package (templates/, build/), found from this module's
// own path so they hold both for dist/ builds and for library users in node_modules.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('nydus-service: package root not found');
    dir = up;
  }
  return dir;
}

/** The package root (holds package.json, templates/, schema/, build/). */
export const packageRoot = findRoot();
export const templatesDir = join(packageRoot, 'templates');
