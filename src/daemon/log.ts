// Daemon log (spec daemon.md §1.9): `[YYYY-MM-DD HH:MM:SS.ffffff +HH:MM] LEVEL message` lines
// on stderr or appended to a file (`.log` added when the name has no extension). The level
// can change at run time (PUT /api/v1/daemon). Writes are synchronous and small.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';

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

export class Logger {
  private max: number;
  private readonly file?: string;

  constructor(level: LogLevel = 'info', file?: string) {
    this.max = ORDER.indexOf(level);
    if (file) {
      this.file = logFilePath(file);
      mkdirSync(dirname(this.file), { recursive: true });
    }
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
      if (this.file) appendFileSync(this.file, line);
      else process.stderr.write(line);
    } catch {
      // A log that cannot be written must not take the daemon down.
    }
  }
}
