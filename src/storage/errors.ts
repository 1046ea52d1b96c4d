// Storage layer: error class and option types shared by every network backend module.
// Kept apart from backend.ts so backend modules can import them without an import cycle.
import { NydusError } from '../errors.js';

export type BackendErrorCode = 'EIO' | 'EACCES' | 'ENOENT' | 'ETIMEDOUT';

/** A failed backend operation; `code` is the errno the data path reports. */
export class BackendError extends NydusError {
  declare readonly code: BackendErrorCode;
  /** HTTP status of the answer that failed the operation, when there was one. */
  readonly status?: number;
  /** Whether another attempt may succeed (transport error, 5xx, 429, short body). Internal to the retry loop. */
  readonly retryable: boolean;
  /** No HTTP answer at all (refused, reset, timeout): a proxy with fallback re-sends direct. */
  readonly transport: boolean;

  constructor(code: BackendErrorCode, message: string, opts: { status?: number; retryable?: boolean; transport?: boolean; cause?: unknown } = {}) {
    super(code, message, 1, { cause: opts.cause });
    this.status = opts.status;
    this.retryable = opts.retryable ?? false;
    this.transport = opts.transport ?? false;
  }

  /** Same error with a context prefix ("registry host/repo: …"). */
  withContext(prefix: string): BackendError {
    if (this.message.startsWith(prefix)) return this;
    return new BackendError(this.code, `${prefix}: ${this.message}`, { status: this.status, retryable: this.retryable, transport: this.transport, cause: this.cause });
  }
}

export type LogFn = (level: 'error' | 'warn' | 'info' | 'debug', msg: string) => void;

export interface BackendOptions {
  /** Backend id (the mount's virtual mountpoint); prefixes log lines. */
  id: string;
  log?: LogFn;
  /** Test-only knobs; production code leaves them unset. */
  tuning?: BackendTuning;
}

export interface BackendTuning {
  /** Period of the registry's bearer-token refresh check (default 5000 ms, spec §3.4 step 4). */
  tokenRefreshTickMs?: number;
  /** Concurrent HTTP requests per backend (default 16). */
  maxConcurrent?: number;
}

/** Unknown runtime keys are a caller error, not a backend failure. */
export function unknownRuntimeKey(type: string, key: string): NydusError {
  return new NydusError('EINVAL', `${type} backend: unknown runtime configuration key "${key}" (expected registry_auth, proxy_url or dragonfly_scheduler_endpoint)`);
}

