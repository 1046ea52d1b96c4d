// Daemon process settings: the log file (name, line format, rotation with gzip and the
// 10-file limit) and --rlimit-nofile's target computation (daemon.md §1.9, §1.10).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Logger, logFilePath, ROTATED_KEEP } from '../../src/daemon/log.js';
import { applyNofileLimit, nofileTarget } from '../../src/daemon/rlimit.js';
import { fileLimit } from '../../src/native/host-fs.js';
import { tempDir } from '../helpers.js';

test('log file names: .log appended without an extension, kept with one', () => {
  assert.is(logFilePath('/var/log/nydusd'), '/var/log/nydusd.log');
  assert.is(logFilePath('/var/log/nydusd.txt'), '/var/log/nydusd.txt');
});

test('log lines: timestamp, level, message; level filtering and runtime changes', () => {
  const dir = tempDir('nydus-log-');
  const log = new Logger('info', join(dir, 'd'));
  log.debug('hidden');
  log.info('shown');
  log.setLevel('debug');
  log.debug('now shown');
  const text = readFileSync(join(dir, 'd.log'), 'utf8');
  assert.match(text, /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} [+-]\d\d:\d\d\] INFO shown\n/);
  assert.match(text, 'DEBUG now shown');
  assert.not.match(text, 'hidden');
  rmSync(dir, { recursive: true });
});

test('rotation: files over the size are gzipped with a suffix; at most 10 are kept; nothing is lost in between', () => {
  const dir = tempDir('nydus-log-');
  const log = new Logger('info', join(dir, 'nydusd'), 1);
  const line = 'x'.repeat(100 * 1024);
  for (let i = 0; i < 15 * 11; i++) log.info(`${i} ${line}`);
  const rotated = readdirSync(dir).filter((n) => n.endsWith('.gz')).sort();
  assert.is(rotated.length, ROTATED_KEEP);
  const newest = gunzipSync(readFileSync(join(dir, rotated[rotated.length - 1]))).toString();
  assert.ok(Buffer.byteLength(newest) <= 1024 * 1024);
  assert.match(newest, / INFO \d+ x+\n$/);
  const current = readFileSync(join(dir, 'nydusd.log'), 'utf8');
  assert.match(current, /INFO 164 x+\n$/);
  rmSync(dir, { recursive: true });
});

test('rlimit-nofile target: 0 leaves it, file-max caps it, a low file-max fails', () => {
  assert.is(nofileTarget(0, 100000, 1024), undefined);
  assert.is(nofileTarget(1_000_000, 9_223_372_036_854_775_807, 1024), 1_000_000);
  assert.is(nofileTarget(1_000_000, 100_000, 1024), 100_000 - 16384);
  assert.is(nofileTarget(500, 100_000, 1024), 500);
  assert.is(nofileTarget(1_000_000, 40_000, 65536), 65536, 'never below the current soft limit');
  assert.throws(() => nofileTarget(1000, 30000, 1024), /file-max too low/);
});

test('rlimit-nofile is applied to the process (native setrlimit)', () => {
  const before = fileLimit();
  assert.ok(before.soft > 0);
  const set = applyNofileLimit(before.soft);
  assert.is(set, before.soft);
  assert.is(fileLimit().soft, before.soft);
  assert.is(applyNofileLimit(0), undefined);
});

test.run();
