#!/usr/bin/env node
// Test entry point (npm test): runs the native core's ctest suite, then every uvu test
// file compiled into dist/test/ under the leak guard (a file that leaves something running
// counts as one more failure), and ends with one line "N passed, M failed" for CI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;
let skipped = 0;

// Plain output (no ANSI colours), so the summaries below parse.
const env = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;

// A hung suite must fail CI with a message, not use up its time: each step gets 40 minutes.
const STEP_TIMEOUT_MS = 40 * 60 * 1000;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20, env, timeout: STEP_TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (r.signal) console.error(`${cmd} ${args.join(' ')}: killed by ${r.signal} (timeout ${STEP_TIMEOUT_MS / 60000} min?)`);
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  if (r.error && r.error.code !== 'ETIMEDOUT') throw r.error;
  return { out: `${r.stdout}\n${r.stderr}`, status: r.status };
}

// 1. Native core unit tests (plain C++, no Node).
const ctestDir = join(root, 'build');
if (existsSync(join(ctestDir, 'CTestTestfile.cmake'))) {
  const { out, status } = run('ctest', ['--test-dir', ctestDir, '--output-on-failure']);
  const m = /(\d+)% tests passed, (\d+) tests failed out of (\d+)/.exec(out);
  if (m) {
    const total = Number(m[3]);
    const bad = Number(m[2]);
    passed += total - bad;
    failed += bad;
  } else if (status !== 0) {
    failed += 1;
    console.error('ctest did not report a summary');
  }
} else {
  failed += 1;
  console.error('native build missing: run `npm run build:native` (build/CTestTestfile.cmake not found)');
}

// 2. uvu suites, one process for all files (uvu's CLI), pattern narrowed by argv. The leak
// guard (test/leak-guard.ts) adds one failed test per file that left something running.
const pattern = process.argv[2] ?? '\\.test\\.js$';
const guard = pathToFileURL(join(root, 'dist/test/leak-guard.js')).href;
const { out, status } = run(process.execPath, ['--import', guard, join(root, 'node_modules/uvu/bin.js'), 'dist/test', pattern]);
const total = /Total:\s+(\d+)/.exec(out);
const ok = /Passed:\s+(\d+)/.exec(out);
const skip = /Skipped:\s+(\d+)/.exec(out);
if (total && ok) {
  passed += Number(ok[1]);
  skipped += skip ? Number(skip[1]) : 0;
  failed += Number(total[1]) - Number(ok[1]) - (skip ? Number(skip[1]) : 0);
  // uvu counts a file that throws outside a test as nothing: catch that through the exit code.
  if (status !== 0 && Number(total[1]) === Number(ok[1]) + (skip ? Number(skip[1]) : 0)) failed += 1;
} else {
  failed += 1;
  console.error('uvu did not report a summary');
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
