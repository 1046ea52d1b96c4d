// Storage layer: the retry/deadline policy of every network read (spec storage.md §3.1 as
// decided for this project) and the per-backend request scheduler that lets on-demand reads
// overtake queued prefetch reads.
//
// Policy: on-demand reads get up to 4 attempts (backoff 100, 200, 400 ms), prefetch reads 2
// (random 100–1000 ms). All attempts share one deadline of `timeout` seconds (0 = none); each
// attempt's request timeout is the budget left; no attempt starts past the deadline. The last
// on-demand attempt bypasses the proxy. Only errors marked `retryable` are retried.
import { BackendError } from './errors.js';

export const ON_DEMAND_ATTEMPTS = 4;
export const PREFETCH_ATTEMPTS = 2;

export interface AttemptContext {
  /** 1-based attempt number. */
  attempt: number;
  /** Send directly to the origin even when a proxy is configured. */
  bypassProxy: boolean;
  /** Request timeout for this attempt in ms (the budget left); 0 = none. */
  timeoutMs: number;
  prefetch: boolean;
}

export interface RetryOptions {
  /** Whole-operation deadline in ms; 0 = none. */
  timeoutMs: number;
  prefetch: boolean;
  /** Prefix of the final error message, e.g. `registry host/repo: read blob …`. */
  what: string;
  scheduler: RequestScheduler;
  isClosed: () => boolean;
  log?: (msg: string) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function asBackendError(err: unknown): BackendError {
  if (err instanceof BackendError) return err;
  return new BackendError('EIO', err instanceof Error ? err.message : String(err), { cause: err });
}

export async function withRetry<T>(opts: RetryOptions, fn: (ctx: AttemptContext) => Promise<T>): Promise<T> {
  const maxAttempts = opts.prefetch ? PREFETCH_ATTEMPTS : ON_DEMAND_ATTEMPTS;
  const deadline = opts.timeoutMs > 0 ? Date.now() + opts.timeoutMs : Infinity;
  const budget = `${opts.timeoutMs / 1000} s`;
  let last: BackendError | null = null;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (opts.isClosed()) throw new BackendError('EIO', `${opts.what}: backend closed`);
    try {
      return await opts.scheduler.run(opts.prefetch, () => {
        const left = deadline - Date.now();
        if (left <= 0) throw new BackendError('ETIMEDOUT', `deadline of ${budget} reached while queued`);
        return fn({
          attempt,
          bypassProxy: !opts.prefetch && attempt === maxAttempts && attempt > 1,
          timeoutMs: Number.isFinite(left) ? Math.max(1, Math.floor(left)) : 0,
          prefetch: opts.prefetch,
        });
      });
    } catch (err) {
      last = asBackendError(err);
      const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
      if (!last.retryable || opts.isClosed()) throw last.withContext(opts.what);
      if (attempt === maxAttempts) {
        throw new BackendError(last.code, `${opts.what}: ${last.message}${tries}`, { status: last.status, cause: last });
      }
      if (Date.now() >= deadline) {
        throw new BackendError('ETIMEDOUT', `${opts.what}: timed out after ${budget}${tries}: ${last.message}`, { status: last.status, cause: last });
      }
      const backoff = opts.prefetch ? 100 + Math.floor(Math.random() * 900) : 100 * 2 ** (attempt - 1);
      if (Date.now() + backoff >= deadline) {
        throw new BackendError('ETIMEDOUT', `${opts.what}: timed out after ${budget} (no time left for attempt ${attempt + 1}): ${last.message}`, { status: last.status, cause: last });
      }
      opts.log?.(`${opts.what}: attempt ${attempt} failed (${last.message}); retrying in ${backoff} ms`);
      await sleep(backoff);
    }
  }
  /* c8 ignore next */
  throw last ?? new BackendError('EIO', `${opts.what}: no attempt made`);
}

/**
 * Limits concurrent backend requests of one backend; a freed slot goes to the oldest waiting
 * on-demand request before any waiting prefetch request.
 */
export class RequestScheduler {
  private running = 0;
  private readonly onDemand: (() => void)[] = [];
  private readonly prefetch: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(prefetch: boolean, fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) {
      await new Promise<void>((resolve) => (prefetch ? this.prefetch : this.onDemand).push(resolve));
    } else {
      this.running++;
    }
    try {
      return await fn();
    } finally {
      const next = this.onDemand.shift() ?? this.prefetch.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Requests waiting for a slot (on-demand, prefetch). */
  get waiting(): { onDemand: number; prefetch: number } {
    return { onDemand: this.onDemand.length, prefetch: this.prefetch.length };
  }
}
