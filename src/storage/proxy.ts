// Storage layer: connection-level proxy routing of one backend (spec storage.md §3.8):
// via the proxy while it is healthy, falling back to the origin on transport errors or 5xx
// when `fallback` is set; ping health checks; Dragonfly request headers.
import type { IncomingMessage } from 'node:http';
import type { ProxyConfig } from '../../generated/types.js';
import { BackendError, type LogFn } from './errors.js';
import { drain, ExchangeSignal, type HttpClient, type HttpRequest } from './http.js';

/**
 * How a request may use the proxy: `auto` follows health and fallback; `last-retry` is the
 * last on-demand attempt (origin directly, unless fallback is off: then the proxy is the only
 * way out); `never` is for token requests, which always go to the token server directly.
 */
export type ProxyUse = 'auto' | 'last-retry' | 'never';

/** Thrown inside a proxied exchange to re-send the request directly. */
class FallBack extends ExchangeSignal {}

export class ProxyRouter {
  private url: URL | null = null;
  private healthy = true;
  private lastActive = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly cfg: ProxyConfig,
    private readonly client: HttpClient,
    private readonly connectTimeoutMs: number,
    private readonly log: LogFn,
  ) {
    this.setUrl(cfg.url);
    if (cfg.ping_url) {
      this.timer = setInterval(() => void this.check(), Math.max(1, cfg.check_interval) * 1000);
      this.timer.unref();
    }
  }

  /** Runtime `proxy_url` (api.md §4.7); "" disables the proxy. */
  setUrl(url: string): void {
    if (!url) {
      this.url = null;
      return;
    }
    try {
      this.url = new URL(url);
    } catch {
      throw new BackendError('EIO', `invalid proxy url "${url}"`);
    }
    this.healthy = true;
  }

  get proxyUrl(): string {
    return this.url?.href ?? '';
  }

  get isHealthy(): boolean {
    return this.healthy;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sends `req` via the proxy or directly according to health, fallback and `use`. */
  async send<T>(req: HttpRequest, consume: (res: IncomingMessage) => Promise<T>, use: ProxyUse, prefetch: boolean): Promise<T> {
    const url = this.url;
    if (!url || use === 'never') return this.client.exchange({ ...req, proxy: null }, consume);
    this.lastActive = Date.now();
    const fallback = this.cfg.fallback;
    if (use === 'last-retry' && fallback) return this.client.exchange({ ...req, proxy: null }, consume);
    if (!this.healthy) {
      if (fallback) return this.client.exchange({ ...req, proxy: null }, consume);
      // Not retried: health is re-checked every check_interval seconds, not per attempt.
      throw new BackendError('EIO', `proxy ${url.host} is unhealthy (ping ${this.cfg.ping_url} failed) and fallback is disabled`);
    }
    const headers = {
      ...req.headers,
      'X-Dragonfly-Priority': prefetch ? '3' : '6',
      'X-Dragonfly-Use-P2P': 'true',
      'X-Dragonfly-Prefetch': String(prefetch),
    };
    try {
      return await this.client.exchange({ ...req, headers, proxy: { url, useHttp: this.cfg.use_http } }, async (res) => {
        const status = res.statusCode ?? 0;
        if (res.headers['x-dragonfly-error-type'] === 'proxy' && (status === 403 || status === 429)) {
          await drain(res).catch(() => undefined);
          const why = status === 403 ? 'forbidden' : 'rate limited';
          throw new BackendError('EIO', `proxy ${url.host}: ${why} (${status})`, { status, retryable: status === 429 && !prefetch });
        }
        if (fallback && status >= 500) {
          await drain(res).catch(() => undefined);
          throw new FallBack(`proxy answered ${status}`);
        }
        return consume(res);
      });
    } catch (err) {
      const viaProxyFailed = err instanceof FallBack || (err instanceof BackendError && err.transport && err.code !== 'ETIMEDOUT');
      if (!fallback || !viaProxyFailed) throw err;
      this.log('debug', `proxy ${url.host}: ${err.message}; falling back to the origin`);
      return this.client.exchange({ ...req, proxy: null }, consume);
    }
  }

  private async check(): Promise<void> {
    if (!this.url || this.checking) return;
    if (Date.now() - this.lastActive > this.cfg.check_pause_elapsed * 1000) return;
    this.checking = true;
    let ok = false;
    try {
      const status = await this.client.exchange(
        { method: 'GET', url: new URL(this.cfg.ping_url), timeoutMs: this.connectTimeoutMs || 5000 },
        async (res) => {
          await drain(res);
          return res.statusCode ?? 0;
        },
      );
      ok = status >= 200 && status < 400;
    } catch {
      ok = false;
    } finally {
      this.checking = false;
    }
    if (ok !== this.healthy) this.log(ok ? 'info' : 'warn', `proxy ${this.url?.host}: ${ok ? 'healthy again' : `unhealthy (ping ${this.cfg.ping_url} failed)`}`);
    this.healthy = ok;
  }
}
