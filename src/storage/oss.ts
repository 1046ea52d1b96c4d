// Storage layer: the oss backend (spec storage.md §3.6): Aliyun OSS objects at
// <scheme>://<bucket>.<endpoint>/<prefix><blob id>, signed with OSS signature V1 (HMAC-SHA1).
import { createHmac } from 'node:crypto';
import type { OssConfig } from '../../generated/types.js';
import type { BackendOptions } from './errors.js';
import { HttpBlobBackend } from './http-backend.js';

/**
 * V1 string to sign: VERB, Content-MD5, Content-Type, Date, then the x-oss-* headers
 * (lowercased, sorted, `name:value\n` each) and the canonical resource `/<bucket>/<object>`.
 */
export function ossStringToSign(verb: string, contentMd5: string, contentType: string, date: string, headers: Record<string, string>, resource: string): string {
  const oss = Object.entries(headers)
    .map(([k, v]) => [k.toLowerCase(), String(v).trim()] as const)
    .filter(([k]) => k.startsWith('x-oss-'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}:${v}\n`)
    .join('');
  return `${verb}\n${contentMd5}\n${contentType}\n${date}\n${oss}${resource}`;
}

export function ossSignature(secret: string, stringToSign: string): string {
  return createHmac('sha1', secret).update(stringToSign).digest('base64');
}

export class OssBackend extends HttpBlobBackend {
  readonly type = 'oss' as const;
  private readonly scheme: string;

  constructor(private readonly cfg: OssConfig, options: BackendOptions) {
    const scheme = cfg.scheme === 'http' ? 'http' : 'https';
    super(cfg, options, `oss ${scheme}://${cfg.bucket_name}.${cfg.endpoint}`);
    this.scheme = scheme;
  }

  protected blobUrl(blobId: string): URL {
    return new URL(`${this.scheme}://${this.cfg.bucket_name}.${this.cfg.endpoint}/${this.cfg.object_prefix}${blobId}`);
  }

  protected override signHeaders(method: 'GET' | 'HEAD', url: URL, headers: Record<string, string>): Record<string, string> {
    const date = new Date().toUTCString();
    const out = { ...headers, Date: date };
    if (!this.cfg.access_key_id) return out;
    const resource = `/${this.cfg.bucket_name}${decodeURIComponent(url.pathname)}`;
    const sig = ossSignature(this.cfg.access_key_secret, ossStringToSign(method, '', '', date, out, resource));
    return { ...out, Authorization: `OSS ${this.cfg.access_key_id}:${sig}` };
  }
}
