// Runtime configuration map of /api/v1/config (api.md §4.7): daemon-wide strings keyed by
// "<id>:<key>". Backends register their initial values when created; PUT replaces them
// (registry_auth hot reload).
import { failures } from './api/errors.js';

export const RUNTIME_KEYS = ['registry_auth', 'proxy_url', 'dragonfly_scheduler_endpoint'] as const;
export type RuntimeKey = (typeof RUNTIME_KEYS)[number];

export class RuntimeConfig {
  private readonly values = new Map<string, string>();
  private readonly listeners = new Set<(id: string, key: RuntimeKey, value: string) => void>();

  /** Applies keys in order; the first unknown key fails (earlier keys stay applied), as nydusd. */
  put(id: string, entries: Record<string, string>): void {
    for (const [key, value] of Object.entries(entries)) {
      if (!(RUNTIME_KEYS as readonly string[]).includes(key)) throw failures.payloadType();
      this.values.set(`${id}:${key}`, value);
      for (const l of this.listeners) l(id, key as RuntimeKey, value);
    }
  }

  /** Registers a backend's configured value: `overwrite` for registry auth, else only when unset and non-empty. */
  register(id: string, key: RuntimeKey, value: string | undefined, overwrite: boolean): void {
    if (!value) return;
    const k = `${id}:${key}`;
    if (overwrite || !this.values.has(k)) this.values.set(k, value);
  }

  get(id?: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.values) {
      if (id === undefined) out[k] = v;
      else if (k.startsWith(`${id}:`) && !k.slice(id.length + 1).includes(':')) out[k.slice(id.length + 1)] = v;
    }
    return out;
  }

  value(id: string, key: RuntimeKey): string | undefined {
    return this.values.get(`${id}:${key}`);
  }

  onChange(listener: (id: string, key: RuntimeKey, value: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
