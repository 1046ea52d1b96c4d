// The CLI progress bar (src/cli/progress.ts) with a fake clock and a fake stream: what it draws,
// when it redraws, how it ends, and when a command gets one at all. No real time is involved.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatBytePair, formatBytes, formatDuration, Progress, type ProgressClock, wantsProgress, withProgress } from '../../src/cli/progress.js';

const MiB = 1 << 20;

/** A clock whose timers fire only when the test advances it by one period. */
function fakeClock(): ProgressClock & { advance(ms: number): void; timers: Set<() => void> } {
  let t = 0;
  const timers = new Set<() => void>();
  return {
    timers,
    now: () => t,
    every: (_ms, fn) => {
      timers.add(fn);
      return () => void timers.delete(fn);
    },
    advance(ms) {
      t += ms;
      for (const fn of [...timers]) fn();
    },
  };
}

function fakeStream(columns = 100, isTTY = true): { writes: string[]; write(s: string): void; columns: number; isTTY: boolean } {
  const writes: string[] = [];
  return { writes, columns, isTTY, write: (s) => void writes.push(s) };
}

/** The line a redraw put on screen, without the carriage return and erase-to-end. */
const drawn = (w: string) => w.replace(/^\r/, '').replace(/\x1b\[K$/, '');

test('start draws the first line at once: empty bar, totals, no rate or ETA yet', () => {
  const stream = fakeStream();
  const p = new Progress('create', stream, fakeClock());
  p.start(10, 100 * MiB);
  assert.equal(stream.writes, [`\rcreate [>${' '.repeat(29)}]   0%   0/10 files    0.0/100.0 MiB         --/s  ETA -:--\x1b[K`]);
});

test('ticks only count; the timer redraws with percent, files, bytes, rate and ETA', () => {
  const stream = fakeStream();
  const clock = fakeClock();
  const p = new Progress('check', stream, clock);
  p.start(10, 100 * MiB);
  for (let i = 0; i < 5; i++) p.tick(1, 10 * MiB);
  assert.is(stream.writes.length, 1, 'no write on tick');
  clock.advance(1000);
  assert.is(stream.writes.length, 2);
  assert.is(drawn(stream.writes[1]), `check [${'='.repeat(15)}>${' '.repeat(14)}]  50%   5/10 files   50.0/100.0 MiB   50.0 MiB/s  ETA 0:01`);
  p.tick(5, 50 * MiB);
  clock.advance(1000);
  assert.is(drawn(stream.writes[2]), `check [${'='.repeat(30)}] 100%  10/10 files  100.0/100.0 MiB   50.0 MiB/s  ETA 0:00`);
  assert.is(drawn(stream.writes[2]).length, drawn(stream.writes[0]).length, 'a steady width');
});

test('a redraw that would show the same line writes nothing; many ticks between redraws write nothing', () => {
  const stream = fakeStream();
  const clock = fakeClock();
  const p = new Progress('create', stream, clock);
  p.start(1000, 0);
  clock.advance(100);
  clock.advance(100);
  assert.is(stream.writes.length, 1, 'nothing done yet: the same line');
  for (let i = 0; i < 999; i++) p.tick(1, 0);
  assert.is(stream.writes.length, 1);
  clock.advance(100);
  assert.is(stream.writes.length, 2);
  assert.match(drawn(stream.writes[1]), ' 99%   999/1000 files  0/0 B         --/s  ETA 0:01');
});

test('done stops the timer and erases the line once; without start it writes nothing', () => {
  const stream = fakeStream();
  const clock = fakeClock();
  const p = new Progress('create', stream, clock);
  p.done();
  assert.equal(stream.writes, []);
  p.start(1, 1);
  assert.is(clock.timers.size, 1);
  p.done();
  assert.is(clock.timers.size, 0);
  assert.is(stream.writes.at(-1), '\r\x1b[2K');
  p.done();
  clock.advance(100);
  assert.is(stream.writes.length, 2, 'nothing after done');
});

test('start again (a second phase) keeps one timer and starts the counts over', () => {
  const stream = fakeStream();
  const clock = fakeClock();
  const p = new Progress('convert', stream, clock);
  p.start(2, 0);
  p.tick(2, 0);
  p.start(4, 0);
  assert.is(clock.timers.size, 1);
  assert.match(drawn(stream.writes.at(-1)!), '  0%  0/4 files');
  p.done();
});

test('the line never wraps: narrower terminals lose the bar, then the tail; unknown width is 80', () => {
  const clock = fakeClock();
  for (const columns of [200, 100, 80, 60, 40, 20, 1]) {
    const p = new Progress('create', fakeStream(columns), clock);
    p.start(123_456, 5 * 1024 * MiB);
    p.tick(60_000, 2 * 1024 * MiB);
    clock.advance(100);
    const line = p.line();
    assert.ok(line.length <= Math.max(0, columns - 1), `${columns}: ${line.length}`);
    assert.is(line.includes('['), columns >= 100, `${columns}: ${line}`);
    p.done();
  }
  const noWidth = new Progress('create', { write: () => undefined }, clock);
  noWidth.start(1, 1);
  assert.ok(noWidth.line().length <= 79);
  assert.ok(noWidth.line().includes('['));
  noWidth.done();
});

test('units: bytes in binary units, durations as m:ss and h:mm:ss', () => {
  assert.is(formatBytes(0), '0 B');
  assert.is(formatBytes(1023), '1023 B');
  assert.is(formatBytes(1536), '1.5 KiB');
  assert.is(formatBytes(300 * MiB), '300.0 MiB');
  assert.is(formatBytes(3 * 1024 * 1024 * MiB), '3.0 TiB');
  assert.is(formatBytePair(0, 300 * MiB), '  0.0/300.0 MiB');
  assert.is(formatBytePair(1536, 2 * MiB), '0.0/2.0 MiB');
  assert.is(formatBytePair(700, 1000), ' 700/1000 B');
  assert.is(formatDuration(0), '0:00');
  assert.is(formatDuration(59.2), '1:00');
  assert.is(formatDuration(61), '1:01');
  assert.is(formatDuration(3 * 3600 + 5 * 60 + 7), '3:05:07');
});

test('wanted on a terminal only: not for --json, a pipe or TERM=dumb; --progress / --no-progress decide', () => {
  const tty = fakeStream(80, true);
  const pipe = fakeStream(80, false);
  const env = { TERM: 'xterm-256color' };
  assert.is(wantsProgress({}, tty, env), true);
  assert.is(wantsProgress({}, tty, {}), true, 'TERM unset');
  assert.is(wantsProgress({}, tty, { ...env, NO_COLOR: '1' }), true, 'the bar has no colour');
  assert.is(wantsProgress({ json: true }, tty, env), false);
  assert.is(wantsProgress({}, pipe, env), false);
  assert.is(wantsProgress({}, tty, { TERM: 'dumb' }), false);
  assert.is(wantsProgress({ progress: false }, tty, env), false);
  assert.is(wantsProgress({ progress: true }, pipe, { TERM: 'dumb' }), true);
  assert.is(wantsProgress({ progress: true, json: true }, pipe, env), true);
});

test('withProgress erases the line and stops the timer when the work fails; no reporter when not wanted', async () => {
  const stream = fakeStream();
  const clock = fakeClock();
  const failure = new Error('disk full');
  const err = await withProgress('create', { progress: true }, async (p) => {
    p!.start(1, 1);
    throw failure;
  }, stream, clock).catch((e: unknown) => e);
  assert.is(err, failure);
  assert.is(clock.timers.size, 0);
  assert.is(stream.writes.at(-1), '\r\x1b[2K');
  const quiet = fakeStream(80, false);
  assert.is(await withProgress('create', {}, async (p) => p, quiet, clock), undefined);
  assert.equal(quiet.writes, []);
});

test.run();
