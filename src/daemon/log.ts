// Daemon log (spec daemon.md §1.9): `[YYYY-MM-DD HH:MM:SS.ffffff +HH:MM] LEVEL message` lines
// on stderr or appended to a file (`.log` added when the name has no extension). The level
// can change at run time (PUT /api/v1/daemon). With a rotation size the file is renamed
// with a timestamp suffix and gzipped when it would exceed it; the 10 newest are kept.
// Writes are synchronous and small.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

// zlib only for a rotation (synchronous, as every write): not loaded by a daemon that never rotates.
const gzipSync = (data: Buffer): Buffer => (createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib')).gzipSync(data);

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
const ORDER: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug', 'trace'];

export function isLogLevel(v: string): v is LogLevel {
  return (ORDER as readonly string[]).includes(v);
}

/** The file a --log-file value names (relative to the working directory, `.log` appended without extension). */
export function logFilePath(path: string): string {
  const abs = resolve(path);
  return extname(abs) ? abs : `${abs}.log`;
}

function timestamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.` +
    `${p(d.getMilliseconds(), 3)}000 ${sign}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`
  );
}

/** Rotated log files kept (nydusd keeps 10). */
export const ROTATED_KEEP = 10;

export class Logger {
  private max: number;
  private readonly file?: string;
  private readonly rotateBytes: number;
  private size = 0;

  /** `rotationMiB` > 0 rotates the log file when it would exceed that many MiB. */
  constructor(level: LogLevel = 'info', file?: string, rotationMiB = 0) {
    this.max = ORDER.indexOf(level);
    this.rotateBytes = rotationMiB * 1024 * 1024;
    if (file) {
      this.file = logFilePath(file);
      mkdirSync(dirname(this.file), { recursive: true });
      try {
        this.size = statSync(this.file).size;
      } catch {
        this.size = 0;
      }
    }
  }

  /** Renames the current file to `<file>.<timestamp>.gz` (compressed) and drops the oldest beyond ROTATED_KEEP. */
  private rotate(file: string): void {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').replace('Z', '');
    const rotated = `${file}.${stamp}`;
    renameSync(file, rotated);
    writeFileSync(`${rotated}.gz`, gzipSync(readFileSync(rotated)));
    unlinkSync(rotated);
    const prefix = `${basename(file)}.`;
    const old = readdirSync(dirname(file))
      .filter((n) => n.startsWith(prefix) && n.endsWith('.gz'))
      .sort();
    for (const n of old.slice(0, Math.max(0, old.length - ROTATED_KEEP))) unlinkSync(join(dirname(file), n));
    this.size = 0;
  }

  get level(): LogLevel {
    return ORDER[this.max];
  }

  setLevel(level: LogLevel): void {
    this.max = ORDER.indexOf(level);
  }

  error(msg: string): void {
    this.write('error', msg);
  }
  warn(msg: string): void {
    this.write('warn', msg);
  }
  info(msg: string): void {
    this.write('info', msg);
  }
  debug(msg: string): void {
    this.write('debug', msg);
  }

  private write(level: LogLevel, msg: string): void {
    if (ORDER.indexOf(level) > this.max) return;
    const line = `[${timestamp(new Date())}] ${level.toUpperCase()} ${msg}\n`;
    try {
      if (this.file) {
        const n = Buffer.byteLength(line);
        if (this.rotateBytes > 0 && this.size > 0 && this.size + n > this.rotateBytes) this.rotate(this.file);
        appendFileSync(this.file, line);
        this.size += n;
      }
      else process.stderr.write(line);
    } catch {
      // A log that cannot be written must not take the daemon down.
    }
  }
}
