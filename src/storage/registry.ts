// Storage layer: the registry backend (spec storage.md §3.4): blobs of an OCI distribution
// registry with Basic and Bearer-token authentication, a token refresh timer, redirects to
// blob storage with a per-blob cache of the final URL, and the https→http fallback.
import type { RegistryConfig } from '../../generated/types.js';
import { ConfigError } from '../errors.js';
import { BackendError, type BackendOptions } from './errors.js';
import { type Consume, HttpBlobBackend } from './http-backend.js';
import { drain, ExchangeSignal, readText } from './http.js';
import type { AttemptContext } from './retry.js';

export const CLIENT_ID = 'nydus-registry-client';
const DEFAULT_TOKEN_TTL_S = 600;

/** `Scheme k="v",k=v,…` of a WWW-Authenticate header; null when unparsable. */
export function parseChallenge(header: string | undefined): { scheme: string; params: Record<string, string> } | null {
  if (!header) return null;
  const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
  if (!m) return null;
  const params: Record<string, string> = {};
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let p = re.exec(m[2]); p; p = re.exec(m[2])) params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
  return { scheme: m[1].toLowerCase(), params };
}

/** The user name inside a base64 `user:password` (for messages; never the password). */
export function authUser(auth: string | null): string {
  if (!auth) return '';
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? '' : text.slice(0, i);
}

type Outcome<T> = { kind: 'ok'; value: T } | { kind: 'unauthorized'; challenge?: string } | { kind: 'redirect'; location: string };

interface BearerState {
  realm: string;
  service: string;
  scope: string;
  expiresAt: number;
  refreshAt: number;
  failures: number;
  nextTry: number;
}

/** A cached redirect URL was refused (401/403): forget it and ask the registry again. */
class DropRedirect extends ExchangeSignal {}

export class RegistryBackend extends HttpBlobBackend {
  readonly type = 'registry' as const;
  private scheme: 'http' | 'https';
  private auth: string | null;
  /** Authorization header sent with registry requests; set after it worked once. */
  private authHeader: string | null;
  private bearer: BearerState | null = null;
  private tokenFlight: Promise<string> | null = null;
  private readonly tokenByGet = new Set<string>();
  private readonly redirects = new Map<string, URL>();
  /** Bumped by registry_auth updates so a refresh started before one does not win. */
  private authGeneration = 0;
  private firstGate: Promise<void> | null = null;
  private firstDone = false;
  private readonly refreshTimer: NodeJS.Timeout;

  constructor(private readonly cfg: RegistryConfig, options: BackendOptions) {
    super(cfg, options, `registry ${cfg.host}/${cfg.repo}`);
    if (!cfg.host || !cfg.repo) {
      throw new ConfigError([{ pointer: `/backend/registry/${cfg.host ? 'repo' : 'host'}`, message: 'required (non-empty) to read blobs' }]);
    }
    this.scheme = cfg.scheme === 'http' ? 'http' : 'https';
    this.auth = process.env.IMAGE_PULL_AUTH || cfg.auth || null;
    this.authHeader = cfg.registry_token ? `Bearer ${cfg.registry_token}` : null;
    this.refreshTimer = setInterval(() => void this.refreshTick(), options.tuning?.tokenRefreshTickMs ?? 5000);
    this.refreshTimer.unref();
  }

  protected blobUrl(blobId: string): URL {
    return new URL(`${this.scheme}://${this.cfg.host}/v2/${this.cfg.repo}/blobs/sha256:${blobId.replace(/^sha256:/, '')}`);
  }

  protected override describeBlob(blobId: string): string {
    return `blob sha256:${blobId.replace(/^sha256:/, '')}`;
  }

  override setRuntime(key: string, value: string): void {
    if (key !== 'registry_auth') return super.setRuntime(key, value);
    if (value && !Buffer.from(value, 'base64').toString('utf8').includes(':')) {
      throw new BackendError('EACCES', `${this.label}: registry_auth must be base64 of "user:password"`);
    }
    this.auth = value || null;
    this.authHeader = this.cfg.registry_token ? `Bearer ${this.cfg.registry_token}` : null;
    this.bearer = null;
    this.authGeneration++;
    this.log('info', `registry_auth updated${value ? ` (user "${authUser(value)}")` : ' (cleared)'}; cached tokens dropped`);
  }

  override runtimeValues(): Record<string, string> {
    return { ...(this.auth ? { registry_auth: this.auth } : {}), ...super.runtimeValues() };
  }

  override close(): void {
    clearInterval(this.refreshTimer);
    super.close();
  }

  /** The first request of an instance runs alone, so only one performs the auth handshake. */
  protected override async exchange<T>(method: 'GET' | 'HEAD', blobId: string, headers: Record<string, string>, ctx: AttemptContext, consume: Consume<T>): Promise<T> {
    if (!this.firstDone) {
      if (this.firstGate) {
        await this.firstGate;
      } else {
        let release = () => {};
        this.firstGate = new Promise<void>((resolve) => (release = resolve));
        try {
          return await this.exchangeOnce(method, blobId, headers, ctx, consume);
        } finally {
          this.firstDone = true;
          release();
        }
      }
    }
    return this.exchangeOnce(method, blobId, headers, ctx, consume);
  }

  private async exchangeOnce<T>(method: 'GET' | 'HEAD', blobId: string, headers: Record<string, string>, ctx: AttemptContext, consume: Consume<T>): Promise<T> {
    const deadline = ctx.timeoutMs > 0 ? Date.now() + ctx.timeoutMs : 0;
    const left = () => (deadline ? Math.max(1, deadline - Date.now()) : 0);
    const use = this.proxyUse(ctx);

    // A blob already redirected once goes straight to its storage URL.
    const cached = method === 'GET' ? this.redirects.get(blobId) : undefined;
    if (cached) {
      try {
        return await this.router.send({ method, url: cached, headers, timeoutMs: left() }, async (res) => {
          if (res.statusCode === 401 || res.statusCode === 403) {
            await drain(res).catch(() => undefined);
            throw new DropRedirect();
          }
          return consume(res);
        }, use, ctx.prefetch);
      } catch (err) {
        if (!(err instanceof DropRedirect)) throw err;
        this.redirects.delete(blobId);
        this.log('debug', `cached redirect of ${this.describeBlob(blobId)} refused; asking the registry again`);
      }
    }

    const step = (authorization: string | null): Promise<Outcome<T>> => {
      const h = authorization ? { ...headers, Authorization: authorization } : headers;
      return this.withSchemeFallback(() => this.router.send({ method, url: this.blobUrl(blobId), headers: h, timeoutMs: left() }, async (res): Promise<Outcome<T>> => {
        const status = res.statusCode ?? 0;
        if (status === 401) {
          await drain(res).catch(() => undefined);
          return { kind: 'unauthorized', challenge: res.headers['www-authenticate'] };
        }
        if (status >= 300 && status < 400 && res.headers.location) {
          await drain(res).catch(() => undefined);
          return { kind: 'redirect', location: res.headers.location };
        }
        return { kind: 'ok', value: await consume(res) };
      }, use, ctx.prefetch));
    };

    let out = await step(this.authHeader);
    if (out.kind === 'unauthorized') {
      if (this.authHeader) out = await step(null);
      if (out.kind === 'unauthorized') {
        const authorization = await this.authenticate(out.challenge, left());
        out = await step(authorization);
        if (out.kind === 'unauthorized') throw this.authFailed('401 Unauthorized');
        this.authHeader = authorization;
      }
    }
    if (out.kind === 'ok') return out.value;

    // 3xx from the registry: fetch from blob storage with only the Range header.
    const target = new URL(out.location, this.blobUrl(blobId));
    if (this.cfg.blob_url_scheme) target.protocol = `${this.cfg.blob_url_scheme.replace(/:$/, '')}:`;
    if (this.cfg.blob_redirected_host) target.host = this.cfg.blob_redirected_host;
    const value = await this.router.send({ method, url: target, headers, timeoutMs: left() }, async (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        await drain(res).catch(() => undefined);
        throw new BackendError('EIO', `${this.describeBlob(blobId)}: redirected URL ${target.host}${target.pathname} answered another redirect (${status})`, { status });
      }
      return consume(res);
    }, use, ctx.prefetch);
    if (method === 'GET') this.redirects.set(blobId, target);
    return value;
  }

  /** https→http fallback (spec §3.4): only with skip_verify, on TLS-ish or refused connections. */
  private async withSchemeFallback<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (err) {
      if (this.scheme === 'https' && this.cfg.skip_verify && err instanceof BackendError && err.transport && /wrong version number|ECONNREFUSED|connection refused|ssl/i.test(err.message)) {
        this.log('warn', `https to ${this.cfg.host} failed (${err.message}); switching to plain http`);
        this.scheme = 'http';
        return send();
      }
      throw err;
    }
  }

  private authFailed(detail: string): BackendError {
    const user = authUser(this.auth);
    const who = user ? ` for user "${user}"` : this.auth ? '' : ' (no credentials configured)';
    return new BackendError('EACCES', `authentication failed: ${detail}${who} (check the auth / registry_auth credentials)`, { status: 401 });
  }

  /** Builds the Authorization header a 401 challenge asks for. */
  private async authenticate(challenge: string | undefined, timeoutMs: number): Promise<string> {
    const parsed = parseChallenge(challenge);
    if (parsed?.scheme === 'basic') {
      if (!this.auth) throw this.authFailed('registry requires Basic authentication');
      return `Basic ${this.auth}`;
    }
    if (parsed?.scheme === 'bearer' && parsed.params.realm && parsed.params.service) {
      const { realm, service } = parsed.params;
      const scope = parsed.params.scope ?? '';
      this.tokenFlight ??= this.fetchToken(realm, service, scope, timeoutMs).finally(() => (this.tokenFlight = null));
      return `Bearer ${await this.tokenFlight}`;
    }
    throw this.authFailed(`401 with an unusable WWW-Authenticate header "${challenge ?? ''}"`);
  }

  /** POST the oauth form to the realm; on failure GET it (and keep using GET for that realm). Never via the proxy. */
  private async fetchToken(realm: string, service: string, scope: string, timeoutMs: number): Promise<string> {
    const realmUrl = new URL(realm);
    const form = new URLSearchParams({ service, scope, client_id: CLIENT_ID });
    const basic: Record<string, string> = this.auth ? { Authorization: `Basic ${this.auth}` } : {};
    const readToken = async (res: import('node:http').IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const text = await readText(res);
      return { status, statusText: `${status} ${res.statusMessage ?? ''}`.trim(), text };
    };
    let answer: { status: number; statusText: string; text: string } | null = null;
    let postError: unknown = null;
    if (!this.tokenByGet.has(realmUrl.origin)) {
      try {
        answer = await this.router.send({ method: 'POST', url: realmUrl, headers: { ...basic, 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString(), timeoutMs }, readToken, 'never', false);
      } catch (err) {
        postError = err;
      }
    }
    if (!answer || answer.status < 200 || answer.status >= 400) {
      const url = new URL(realmUrl.href);
      for (const [k, v] of form) url.searchParams.set(k, v);
      this.log('debug', `token POST to ${realmUrl.origin}${realmUrl.pathname} failed (${answer?.statusText ?? (postError as Error)?.message ?? 'skipped'}); using GET`);
      answer = await this.router.send({ method: 'GET', url, headers: basic, timeoutMs }, readToken, 'never', false);
      if (answer.status >= 200 && answer.status < 400) this.tokenByGet.add(realmUrl.origin);
    }
    if (answer.status === 401 || answer.status === 403) throw this.authFailed(`token server ${realmUrl.host} answered ${answer.statusText}`);
    if (answer.status < 200 || answer.status >= 400) {
      throw new BackendError('EIO', `token server ${realmUrl.host} answered ${answer.statusText}`, { status: answer.status, retryable: answer.status >= 500 || answer.status === 429 });
    }
    let body: { token?: string; access_token?: string; expires_in?: number };
    try {
      body = JSON.parse(answer.text);
    } catch {
      throw new BackendError('EIO', `token server ${realmUrl.host}: answer is not JSON`);
    }
    const token = body.token || body.access_token;
    if (!token) throw new BackendError('EIO', `token server ${realmUrl.host}: answer has neither "token" nor "access_token"`);
    const ttlS = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_TTL_S;
    this.bearer = { realm, service, scope, expiresAt: Date.now() + ttlS * 1000, refreshAt: 0, failures: 0, nextTry: 0 };
    this.bearer.refreshAt = this.refreshTime(ttlS * 1000);
    return token;
  }

  /** expires_at − (20 s + jitter ≤ min(ttl/10, 300 s)), never earlier than now (spec §3.4 step 4). */
  private refreshTime(ttlMs: number): number {
    const jitter = Math.random() * Math.min(ttlMs / 10, 300_000);
    return Math.max(Date.now(), Date.now() + ttlMs - 20_000 - jitter);
  }

  private async refreshTick(): Promise<void> {
    const b = this.bearer;
    const now = Date.now();
    if (this.closed || !b || now < b.refreshAt || now < b.nextTry || this.tokenFlight) return;
    const generation = this.authGeneration;
    try {
      this.tokenFlight = this.fetchToken(b.realm, b.service, b.scope, this.timeoutMs || 5000);
      const token = await this.tokenFlight;
      if (generation !== this.authGeneration) return;
      this.authHeader = `Bearer ${token}`;
      this.log('debug', `bearer token refreshed (expires in ${Math.round(((this.bearer?.expiresAt ?? now) - Date.now()) / 1000)} s)`);
    } catch (err) {
      b.failures++;
      const backoff = Math.min(600_000, 5000 * 2 ** (b.failures - 1));
      b.nextTry = Date.now() + backoff;
      if (generation === this.authGeneration) this.bearer = b;
      this.log('warn', `bearer token refresh failed (${(err as Error).message}); next try in ${backoff / 1000} s`);
    } finally {
      this.tokenFlight = null;
    }
  }
}
