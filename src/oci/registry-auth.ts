// OCI layer: the registry client's authentication: a 401 challenge answered with Basic (the
// given credentials) or with a Bearer token from the challenge's realm (GET with service and
// scope, Basic credentials if given), tokens cached per scope until the registry refuses one.
import { NydusError } from '../errors.js';
import { parseChallenge } from '../storage/registry.js';
import { type Exchange, readBody, send, statusError } from './http.js';

export interface Credentials {
  username: string;
  password: string;
}

/** "user:password" (split at the first colon); null when there is no colon or no user. */
export function splitCredentials(text: string): Credentials | null {
  const at = text.indexOf(':');
  return at > 0 ? { username: text.slice(0, at), password: text.slice(at + 1) } : null;
}

/** base64("user:password"), as nydusd's registry `auth` and docker's config.json hold it. */
export function decodeAuth(base64: string): Credentials | null {
  return splitCredentials(Buffer.from(base64, 'base64').toString('utf8'));
}

export class RegistryAuth {
  private readonly basic: string | null;
  /** Set once the registry asked for Basic: every later request sends it up front. */
  private basicFirst = false;
  /** Bearer Authorization headers by scope list ("repository:r:pull"…). */
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly label: string,
    private readonly credentials: { username: string; password: string } | undefined,
    private readonly transport: Pick<Exchange, 'timeoutMs' | 'tls'>,
  ) {
    this.basic = credentials ? Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64') : null;
  }

  /** The Authorization header to send first for these scopes, if any is known to work. */
  header(scopes: string[]): string | undefined {
    return this.basicFirst && this.basic ? `Basic ${this.basic}` : this.tokens.get(scopes.join(' '));
  }

  /** `authorization` was accepted for these scopes. */
  worked(scopes: string[], authorization: string): void {
    if (authorization.startsWith('Bearer ')) this.tokens.set(scopes.join(' '), authorization);
  }

  /** The registry refused what answer() gave: forget it; the error to throw. */
  refused(scopes: string[], detail: string): NydusError {
    this.tokens.delete(scopes.join(' '));
    return this.denied(detail);
  }

  private denied(detail: string): NydusError {
    const who = this.credentials ? ` as user "${this.credentials.username}"` : ' (no credentials given)';
    return new NydusError('EACCES', `${this.label}: access denied: ${detail}${who}`);
  }

  /** The Authorization header a 401's WWW-Authenticate asks for. */
  async answer(header: string | undefined, scopes: string[], what: string): Promise<string> {
    const challenge = parseChallenge(header);
    if (challenge?.scheme === 'basic') {
      if (!this.basic) throw this.denied(`${what} needs Basic authentication`);
      this.basicFirst = true;
      return `Basic ${this.basic}`;
    }
    if (challenge?.scheme !== 'bearer' || !challenge.params.realm) throw this.denied(`${what}: 401 with an unusable WWW-Authenticate "${header ?? ''}"`);
    const realm = new URL(challenge.params.realm);
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    // One space-separated scope parameter, as containerd's GET token request sends it.
    // The challenge's scopes are added for resources ours do not name (ours cover the rest).
    const resource = (s: string) => s.slice(0, s.lastIndexOf(':'));
    const extra = (challenge.params.scope ?? '').split(' ').filter((s) => s && !scopes.some((o) => resource(o) === resource(s)));
    realm.searchParams.set('scope', [...scopes, ...extra].join(' '));
    const where = `${realm.origin}${realm.pathname}`;
    const res = await send({ method: 'GET', url: realm, headers: this.basic ? { Authorization: `Basic ${this.basic}` } : {}, ...this.transport });
    if (res.statusCode !== 200) {
      const err = await statusError(res, `token request to ${where}`);
      throw err.code === 'EACCES' ? this.denied(err.message) : err;
    }
    const text = (await readBody(res, `token from ${where}`, 1 << 20)).toString('utf8');
    let token: string | undefined;
    try {
      const parsed = JSON.parse(text) as { token?: string; access_token?: string };
      token = parsed.token ?? parsed.access_token;
    } catch {
      /* reported below */
    }
    if (!token) throw new NydusError('EACCES', `token server ${where} answered without a token`);
    return `Bearer ${token}`;
  }
}
