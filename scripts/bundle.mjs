#!/usr/bin/env node
// Bundles the daemon's start-up path (npm run build:ts, after tsc): dist/src/cli/daemon-entry.js
// and dist/src/cli/standby.js with everything they load, into dist/src/cli-bundle/ (esbuild,
// ESM, code split: what the daemon loads lazily stays in its own chunk). A daemon then loads a
// handful of files instead of ~170 modules (issue 16: start-up). bin/run.js uses the bundle
// only when it is newer than the last tsc run (dist/.tsbuildinfo); otherwise the modules.
// The bundle sits at the same depth as dist/src/<layer>/, so paths made from import.meta.url
// (the addon, bin/run.js, the package root) resolve as they do from the modules.
import { rmSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/src/cli-bundle');
const tmp = `${out}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/cli/daemon-entry.js', 'dist/src/cli/standby.js'],
  outdir: tmp,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // oclif is loaded only for a start-up failure's report; the addon by path at run time.
  external: ['@oclif/core', '*.node'],
  // CommonJS dependencies inside an ES module bundle need a require of their own.
  banner: { js: "import { createRequire as __nydusCreateRequire } from 'node:module'; const require = __nydusCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
// Swap the whole directory at once: a daemon starting meanwhile sees the old bundle or the new one.
rmSync(`${out}.old`, { recursive: true, force: true });
try {
  renameSync(out, `${out}.old`);
} catch {
  // first build
}
renameSync(tmp, out);
rmSync(`${out}.old`, { recursive: true, force: true });
