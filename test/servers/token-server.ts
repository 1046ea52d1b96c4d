// Test server: a Docker-registry token server (node http, test code) for distribution 2.8's
// `auth.token`. Issues RS256 JWTs whose header carries `x5c` = [the self-signed signing
// certificate, DER base64]; distribution verifies the chain against `rootcertbundle` (the same
// certificate), which is simpler than a `kid` (that must equal the libtrust key id of the key).
// Answers POST (oauth2 form) and GET (query) token requests, counts them, can reject POST and
// issue short-lived tokens (expires_in) to exercise refresh.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createSign, randomUUID, X509Certificate } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { removeDir, serverTempDir } from './common.js';

export interface TokenRequest {
  method: string;
  user: string | null;
  service: string | null;
  scope: string | null;
  clientId: string | null;
  granted: boolean;
}

export interface TokenServer {
  url: string;
  /** realm to put in the registry config. */
  realm: string;
  service: string;
  issuer: string;
  /** PEM certificate file for the registry's rootcertbundle. */
  certFile: string;
  requests: TokenRequest[];
  /** Change behaviour while running. */
  options: TokenServerOptions;
  stop(): Promise<void>;
}

export interface TokenServerOptions {
  users: { name: string; password: string }[];
  /** Answer POST with 405 so clients fall back to GET. */
  rejectPost?: boolean;
  /** expires_in of issued tokens in seconds (default 300). */
  expiresIn?: number;
  /** Token lifetime put into the JWT `exp` (default = expiresIn; distribution adds 60 s leeway). */
  jwtLifetime?: number;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export async function startTokenServer(opts: TokenServerOptions): Promise<TokenServer> {
  const dir = serverTempDir('token');
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=nydus-test-token-signer'], { stdio: 'ignore' });
  const key = createPrivateKey(readFileSync(keyFile));
  const certDer = new X509Certificate(readFileSync(certFile)).raw;
  const service = 'nydus-test-registry';
  const issuer = 'nydus-test-token-issuer';
  const requests: TokenRequest[] = [];

  const sign = (user: string, scope: string | null, lifetime: number) => {
    const now = Math.floor(Date.now() / 1000);
    const access = (scope ?? '').split(' ').filter(Boolean).map((s) => {
      const parts = s.split(':');
      return { type: parts[0], name: parts.slice(1, -1).join(':'), actions: parts[parts.length - 1].split(',') };
    });
    const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer.toString('base64')] };
    const claims = { iss: issuer, sub: user, aud: service, exp: now + lifetime, nbf: now - 10, iat: now, jti: randomUUID(), access };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(createSign('RSA-SHA256').update(input).sign(key))}`;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const params = req.method === 'POST' ? new URLSearchParams(Buffer.concat(chunks).toString()) : url.searchParams;
      const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
      const [user, password] = basic ? Buffer.from(basic[1], 'base64').toString().split(/:(.*)/s) : [null, null];
      const entry: TokenRequest = { method: req.method ?? '', user, service: params.get('service'), scope: params.get('scope'), clientId: params.get('client_id'), granted: false };
      requests.push(entry);
      if (req.method === 'POST' && opts.rejectPost) {
        res.writeHead(405).end('POST not supported');
        return;
      }
      if (!opts.users.some((u) => u.name === user && u.password === password)) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
        return;
      }
      entry.granted = true;
      const expiresIn = opts.expiresIn ?? 300;
      const token = sign(user ?? '', entry.scope, opts.jwtLifetime ?? expiresIn);
      const body = req.method === 'POST' ? { access_token: token, expires_in: expiresIn } : { token, expires_in: expiresIn };
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url, realm: `${url}/token`, service, issuer, certFile, requests, options: opts,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      removeDir(dir);
    },
  };
}
