#!/usr/bin/env node
// Bundles the daemon's start-up path (part of npm run build:ts, after tsc): the oclif-free
// daemon entry (dist/src/cli/daemon-entry.js) and the standby (dist/src/cli/standby.js), with
// everything they load, into one CommonJS file, dist/src/cli-bundle/daemon.cjs (esbuild). Its
// modules still initialise lazily where the sources import them lazily. bin/run.js compiles it
// with a V8 code cache made by an earlier daemon start (issue 16: start-up). It uses the bundle
// only when it is newer than the last tsc run (dist/.tsbuildinfo); otherwise the modules.
// The bundle sits at the same depth as dist/src/<layer>/, so paths made from import.meta.url
// (the addon, bin/run.js, the package root) resolve as they do from the modules.
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/src/cli-bundle');
const tmp = `${out}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  stdin: {
    contents: "export { runDaemonEntry } from './daemon-entry.js';\nexport { standBy } from './standby.js';\n",
    resolveDir: join(root, 'dist/src/cli'),
    sourcefile: 'daemon-bundle.js',
  },
  outfile: join(tmp, 'daemon.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // oclif is loaded only for a start-up failure's report; the addon by path at run time.
  external: ['@oclif/core', '*.node'],
  // import.meta.url of every bundled module is the bundle's own URL (same directory depth).
  define: { 'import.meta.url': '__nydusBundleUrl' },
  banner: { js: "const __nydusBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});
// Swap the whole directory at once (code caches of the old bundle go with it): a daemon
// starting meanwhile sees the old bundle or the new one.
rmSync(`${out}.old`, { recursive: true, force: true });
try {
  renameSync(out, `${out}.old`);
} catch {
  // first build
}
renameSync(tmp, out);
rmSync(`${out}.old`, { recursive: true, force: true });
