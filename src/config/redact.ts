// Config layer: removes secrets before a configuration is printed, logged or echoed by the
// API. Registry credentials become null (as nydusd shows them); keys become "".
// Works on v1, v2 and blob cache entries alike, by key name, at any depth.

const TO_NULL = new Set(['auth', 'registry_token']);
const TO_EMPTY = new Set(['access_key_id', 'access_key_secret', 'encryption_key', 'password', 'token', 'secret', 'registry_auth']);

/** Returns a deep copy of `value` with every secret replaced. */
export function redactSecrets<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (TO_NULL.has(k) && x !== null && x !== undefined) out[k] = null;
      else if (TO_EMPTY.has(k) && typeof x === 'string') out[k] = '';
      else if ((k === 'config' || k === 'backend_config') && typeof x === 'string') out[k] = redactConfigText(x);
      else out[k] = walk(x);
    }
    return out;
  };
  return walk(value) as T;
}

/** Redacts a configuration embedded as text (a mount request's `config`); non-JSON text is hidden whole. */
export function redactConfigText(text: string): string {
  try {
    return JSON.stringify(redactSecrets(JSON.parse(text)));
  } catch {
    return /auth|token|key|secret|password/i.test(text) ? '<redacted: configuration text>' : text;
  }
}
