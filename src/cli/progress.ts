// CLI layer: the progress bar of long commands (create, inspect check, later convert). On a
// terminal it redraws one stderr line at most 10 times a second (bar, percent, files, bytes,
// rate, ETA) and erases it at the end, so the command's own output reads as without it.
// Elsewhere (a pipe, a file, --json, TERM=dumb) there is no reporter and nothing is written.
import { Flags } from '@oclif/core';
import type { WorkProgress } from '../work-progress.js';

export const progressFlag = {
  progress: Flags.boolean({
    description: 'progress bar on stderr; by default shown when stderr is a terminal, TERM is not "dumb" and --json is not given',
    allowNo: true,
  }),
};

/** Where the line goes: process.stderr, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Time in ms and a repeating timer that must not keep the process alive; fake in tests. */
export interface ProgressClock {
  now(): number;
  /** Calls `fn` every `ms` until the returned cancel function is called. */
  every(ms: number, fn: () => void): () => void;
}

export const systemClock: ProgressClock = {
  now: () => performance.now(),
  every: (ms, fn) => {
    const timer = setInterval(fn, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** Redraw period: at most 10 lines a second. */
export const REDRAW_MS = 100;
const CLEAR_LINE = '\r\x1b[2K';
const ERASE_TO_END = '\x1b[K';

/**
 * --progress / --no-progress decide; without either, a bar only on a terminal that can redraw
 * a line (TERM=dumb cannot) and not with --json, whose callers are programs. NO_COLOR does not
 * turn it off: the bar has no colour.
 */
export function wantsProgress(
  flags: { progress?: boolean; json?: boolean }, stream: ProgressStream = process.stderr, env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flags.progress !== undefined) return flags.progress;
  return !flags.json && stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * Runs a command's work with the reporter it passes down (a Progress when wanted, else
 * undefined: no cost at all); the line is erased before anything else is printed, also on errors.
 */
export async function withProgress<T>(
  label: string, flags: { progress?: boolean; json?: boolean }, work: (progress: Progress | undefined) => Promise<T>,
  stream: ProgressStream = process.stderr, clock: ProgressClock = systemClock,
): Promise<T> {
  const progress = wantsProgress(flags, stream) ? new Progress(label, stream, clock) : undefined;
  try {
    return await work(progress);
  } finally {
    progress?.done();
  }
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** The binary unit to show `n` bytes in: 1536 -> 1 (KiB). */
function unitOf(n: number): number {
  let i = 0;
  while (n >= 1024 ** (i + 1) && i < UNITS.length - 1) i++;
  return i;
}

const inUnit = (n: number, i: number): string => (i === 0 ? String(Math.round(n)) : (n / 1024 ** i).toFixed(1));

/** 1536 -> "1.5 KiB". */
export function formatBytes(n: number): string {
  const i = unitOf(n);
  return `${inUnit(n, i)} ${UNITS[i]}`;
}

/** Done and total in the total's unit, done padded to its width: " 27.0/47.7 MiB" (a steady width). */
export function formatBytePair(done: number, total: number): string {
  const i = unitOf(Math.max(done, total));
  const t = inUnit(total, i);
  return `${inUnit(done, i).padStart(t.length)}/${t} ${UNITS[i]}`;
}

/** Seconds -> "m:ss" or "h:mm:ss". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const ss = String(s % 60).padStart(2, '0');
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}:${ss}` : `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${ss}`;
}

export class Progress implements WorkProgress {
  private files = 0;
  private bytes = 0;
  private totalFiles = 0;
  private totalBytes = 0;
  private startedAt = 0;
  private cancel: (() => void) | undefined;
  /** The line on screen ('' = none). */
  private shown = '';

  constructor(
    private readonly label: string,
    private readonly stream: ProgressStream = process.stderr,
    private readonly clock: ProgressClock = systemClock,
  ) {}

  /** Draws the first line at once, then redraws from a timer while the work runs. */
  start(files: number, bytes: number): void {
    this.totalFiles = files;
    this.totalBytes = bytes;
    this.files = 0;
    this.bytes = 0;
    this.startedAt = this.clock.now();
    this.cancel?.();
    this.cancel = this.clock.every(REDRAW_MS, () => this.draw());
    this.draw();
  }

  /** Counts only; the timer draws. Called per chunk, so it allocates nothing. */
  tick(files: number, bytes: number): void {
    this.files += files;
    this.bytes += bytes;
  }

  /** Stops the timer and erases the line. Safe to call more than once, and without start(). */
  done(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (this.shown !== '') this.stream.write(CLEAR_LINE);
    this.shown = '';
  }

  /** The status line for the counters now, at most `columns - 1` characters (no wrap). */
  line(columns = this.stream.columns || 80): string {
    const fraction = this.totalBytes > 0 ? this.bytes / this.totalBytes : this.totalFiles > 0 ? this.files / this.totalFiles : 1;
    const f = Math.min(1, Math.max(0, fraction));
    const seconds = (this.clock.now() - this.startedAt) / 1000;
    const rate = seconds > 0 && this.bytes > 0 ? `${formatBytes(this.bytes / seconds)}/s` : '--/s';
    const eta = f >= 1 ? '0:00' : seconds > 0 && f > 0 ? formatDuration((seconds * (1 - f)) / f) : '-:--';
    // Padded fields keep the line's width, and so the bar's, steady while the numbers change.
    const facts =
      `${String(Math.floor(f * 100)).padStart(3)}%  ${String(this.files).padStart(String(this.totalFiles).length)}/${this.totalFiles} files  ` +
      `${formatBytePair(this.bytes, this.totalBytes)}  ${rate.padStart(11)}  ETA ${eta.padStart(4)}`;
    const room = columns - 1 - this.label.length - facts.length - 4; // "label [" + "] "
    const width = Math.min(30, room);
    if (width < 10) return `${this.label} ${facts}`.slice(0, Math.max(0, columns - 1));
    const filled = Math.floor(f * width);
    const bar = '='.repeat(filled) + (filled < width ? '>' + ' '.repeat(width - filled - 1) : '');
    return `${this.label} [${bar}] ${facts}`;
  }

  private draw(): void {
    const text = this.line();
    if (text === this.shown) return;
    this.stream.write(`\r${text}${ERASE_TO_END}`);
    this.shown = text;
  }
}
