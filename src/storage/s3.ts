// Storage layer: the s3 backend (spec storage.md §3.7): path-style object URLs signed with
// AWS Signature Version 4. `signV4` is exported so it can be checked against AWS's vectors.
import { createHash, createHmac } from 'node:crypto';
import type { S3Config } from '../../generated/types.js';
import type { BackendOptions } from './errors.js';
import { HttpBlobBackend } from './http-backend.js';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SigV4Input {
  method: string;
  /** Host header value (host[:port]). */
  host: string;
  /** Absolute URI path, not yet encoded. */
  path: string;
  /** Canonical query string (already sorted and encoded); "" for none. */
  query?: string;
  /** Extra headers to sign (e.g. Range). Host, x-amz-date and x-amz-content-sha256 are added. */
  headers: Record<string, string>;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  date: Date;
  service?: string;
  payloadHash?: string;
}

export interface SigV4Result {
  /** Headers to send: the input headers plus Host, x-amz-date, x-amz-content-sha256, Authorization. */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

/** `YYYYMMDDTHHMMSSZ`. */
export function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** RFC 3986 encoding of each path segment (S3 encodes the key once; "/" stays). */
export function encodeS3Path(path: string): string {
  return path.split('/').map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

export function signV4(input: SigV4Input): SigV4Result {
  const service = input.service ?? 's3';
  const payloadHash = input.payloadHash ?? EMPTY_SHA256;
  const stamp = amzDate(input.date);
  const day = stamp.slice(0, 8);
  const headers: Record<string, string> = { ...input.headers, Host: input.host, 'x-amz-date': stamp, 'x-amz-content-sha256': payloadHash };
  const signable = Object.entries(headers)
    .filter(([k]) => !['authorization', 'user-agent'].includes(k.toLowerCase()))
    .map(([k, v]) => [k.toLowerCase(), String(v).trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = signable.map(([k]) => k).join(';');
  const canonicalRequest = [
    input.method,
    encodeS3Path(input.path),
    input.query ?? '',
    signable.map(([k, v]) => `${k}:${v}\n`).join(''),
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  headers.Authorization = `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers, canonicalRequest, stringToSign, signature };
}

export class S3Backend extends HttpBlobBackend {
  readonly type = 's3' as const;
  private readonly base: URL;

  constructor(private readonly cfg: S3Config, options: BackendOptions) {
    const endpoint = cfg.endpoint || 's3.amazonaws.com';
    const scheme = cfg.scheme === 'http' ? 'http' : 'https';
    super(cfg, options, `s3 ${scheme}://${endpoint}/${cfg.bucket_name}`);
    this.base = new URL(`${scheme}://${endpoint}/`);
  }

  protected blobUrl(blobId: string): URL {
    return new URL(`${this.base.origin}/${encodeS3Path(`${this.cfg.bucket_name}/${this.cfg.object_prefix}${blobId}`)}`);
  }

  protected override signHeaders(method: 'GET' | 'HEAD', url: URL, headers: Record<string, string>): Record<string, string> {
    // Anonymous access when no key is configured (public buckets).
    if (!this.cfg.access_key_id) return headers;
    return signV4({
      method, host: url.host, path: decodeURIComponent(url.pathname), headers, region: this.cfg.region,
      accessKeyId: this.cfg.access_key_id, secretAccessKey: this.cfg.access_key_secret, date: new Date(),
    }).headers;
  }
}
