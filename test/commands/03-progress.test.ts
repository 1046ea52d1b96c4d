// Commands: the progress bar of `nydus create` and `nydus inspect check` under a real pseudo-
// terminal (util-linux `script`), and its absence elsewhere: a pipe, --json, TERM=dumb,
// --no-progress. On a terminal the output after the erased line is the output without one.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, fixture, tempDir } from '../helpers.js';

const work = tempDir('nydus-progress-test-');
const src = join(work, 'src');
const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** Runs the CLI with stdin, stdout and stderr on a pty; all output comes back as one transcript. */
async function onTerminal(args: string[], env: Record<string, string> = {}): Promise<{ exitCode: number; transcript: string }> {
  const cmd = [process.execPath, cli, ...args].map(quote).join(' ');
  const r = await execa('script', ['-qfec', cmd, '/dev/null'], { reject: false, stdin: 'ignore', stripFinalNewline: false, env: { TERM: 'xterm', ...env } });
  // The pty's line discipline turns "\n" into "\r\n".
  return { exitCode: r.exitCode ?? -1, transcript: r.stdout.replaceAll('\r\n', '\n') };
}

/** Without a terminal: stdout and stderr apart. */
const piped = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [cli, ...args], { reject: false, stdin: 'ignore', stripFinalNewline: false, env: { TERM: 'xterm', ...env } });

const LINE = /^(create|check) \[[=> ]+\] +\d{1,3}% +\d+\/\d+ files +[\d.]+\/[\d.]+ [KMGT]?i?B +(--|[\d.]+ [KMGT]?i?B)\/s  ETA (-:--|\d+:\d\d)$/;

/** Splits a transcript into the progress lines drawn and what follows the erased line. */
function splitTranscript(transcript: string): { lines: string[]; after: string } {
  const m = /^((?:\r[^\r\n\x1b]*\x1b\[K)+)\r\x1b\[2K([^\x1b]*)$/.exec(transcript);
  assert.ok(m, `progress lines, one erase, then plain output: ${JSON.stringify(transcript.slice(0, 400))}`);
  const lines = m![1].split('\x1b[K').filter((l) => l !== '').map((l) => l.slice(1));
  for (const l of lines) assert.match(l, LINE);
  return { lines, after: m![2] };
}

/** create's report without its timing. */
const untimed = (s: string) => s.replace(/, [\d.]+ s\n/, ', T s\n');

test('setup: a source tree with a 6 MB file and 40 small ones', () => {
  mkdirSync(join(src, 'd'), { recursive: true });
  writeFileSync(join(src, 'big'), randomBytes(6 << 20));
  for (let i = 0; i < 40; i++) writeFileSync(join(src, 'd', `f${i}`), `file ${i}\n`);
});

test('create on a terminal: progress lines with the totals, erased; then the report a pipe gets', async () => {
  const out = join(work, 'tty');
  const t = await onTerminal(['create', src, '-B', join(out, 'image.boot'), '-D', join(out, 'blobs'), '--chunk-size', '0x10000']);
  assert.is(t.exitCode, 0, t.transcript);
  const { lines, after } = splitTranscript(t.transcript);
  assert.match(lines[0], / {2}0% +0\/41 files +0\.0\/6\.0 MiB +--\/s  ETA -:--$/);
  const p = await piped(['create', src, '-B', join(work, 'pipe', 'image.boot'), '-D', join(work, 'pipe', 'blobs'), '--chunk-size', '0x10000']);
  assert.is(p.exitCode, 0, p.stderr);
  assert.is(p.stderr, '');
  assert.match(p.stdout, /^bootstrap .*\nblob [0-9a-f]{64} .*\n41 files, 6\.0 MiB in/);
  assert.is(untimed(after).replaceAll(join(work, 'tty'), 'OUT'), untimed(p.stdout).replaceAll(join(work, 'pipe'), 'OUT'));
});

test('check on a terminal: progress, erased, then the report; the same without a terminal; failures too', async () => {
  const t = await onTerminal(['inspect', 'check', fixture.v6.bootstrap, '--blob-dir', fixture.v6.blobs]);
  assert.is(t.exitCode, 0, t.transcript);
  const { lines, after } = splitTranscript(t.transcript);
  assert.match(lines[0], /^check \[> +\] {3}0% /);
  const p = await piped(['inspect', 'check', fixture.v6.bootstrap, '--blob-dir', fixture.v6.blobs]);
  assert.is(p.stderr, '');
  assert.match(p.stdout, /^ok: \d+ files/);
  assert.is(after, p.stdout);
  // Every chunk missing: exit 1, and the problem lines come after the erased bar as they do without it.
  const empty = join(work, 'no-blobs');
  mkdirSync(empty);
  const bad = await onTerminal(['inspect', 'check', fixture.v5.bootstrap, '--blob-dir', empty]);
  assert.is(bad.exitCode, 1);
  const badPiped = await piped(['inspect', 'check', fixture.v5.bootstrap, '--blob-dir', empty]);
  assert.is(badPiped.exitCode, 1);
  assert.is(badPiped.stderr, '');
  assert.match(badPiped.stdout, /^CORRUPT /);
  assert.is(splitTranscript(bad.transcript).after, badPiped.stdout);
});

test('--json on a terminal: no progress, stdout is the JSON document as without a terminal', async () => {
  const t = await onTerminal(['inspect', 'check', '--json', fixture.v6.bootstrap, '--blob-dir', fixture.v6.blobs]);
  assert.is(t.exitCode, 0);
  assert.not.match(t.transcript, '\x1b');
  const p = await piped(['inspect', 'check', '--json', fixture.v6.bootstrap, '--blob-dir', fixture.v6.blobs]);
  assert.is(p.stderr, '');
  assert.equal(JSON.parse(t.transcript), JSON.parse(p.stdout));
  assert.is(JSON.parse(p.stdout).ok, true);
  const out = join(work, 'json');
  const c = await onTerminal(['create', '--json', src, '-B', join(out, 'image.boot'), '-D', join(out, 'blobs')]);
  assert.is(c.exitCode, 0);
  assert.not.match(c.transcript, '\x1b');
  assert.is(JSON.parse(c.transcript).files, 41);
});

test('TERM=dumb and --no-progress: no bar on a terminal; --progress: a bar even into a pipe', async () => {
  const args = ['inspect', 'check', fixture.v6.bootstrap, '--blob-dir', fixture.v6.blobs];
  for (const [extra, env] of [[[], { TERM: 'dumb' }], [['--no-progress'], {}]] as const) {
    const t = await onTerminal([...args, ...extra], env);
    assert.is(t.exitCode, 0);
    assert.match(t.transcript, /^ok: \d+ files/, `${extra} ${JSON.stringify(env)}`);
  }
  const forced = await piped([...args, '--progress', '--json']);
  assert.is(forced.exitCode, 0);
  assert.match(forced.stderr, /^\rcheck \[.*\x1b\[K\r\x1b\[2K$/s);
  assert.is(JSON.parse(forced.stdout).ok, true, 'stdout keeps its JSON');
});

test.run();
