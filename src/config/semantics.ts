// Config layer: the checks of spec daemon.md §2.4 that JSON Schema cannot say well
// (non-empty strings chosen by type, paths that must exist), and the mount-time
// requirements. Works on any parsed value without throwing: it type-guards as it reads.
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { ConfigProblem } from '../errors.js';

/** How strict: 'parse' is what nydusd checks on every load; 'mount' adds what a RAFS mount needs. */
export type Strictness = 'parse' | 'mount';

export interface SemanticResult {
  errors: ConfigProblem[];
  /** Problems that only a mount would reject (reported as warnings at 'parse' strictness). */
  mountProblems: ConfigProblem[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

/** Checks a v2 document (defaults applied or not). */
export function checkConfigV2(doc: unknown): SemanticResult {
  const errors: ConfigProblem[] = [];
  const mountProblems: ConfigProblem[] = [];
  if (!isObj(doc)) return { errors, mountProblems };
  const need = (list: ConfigProblem[], ok: boolean, pointer: string, message: string) => {
    if (!ok) list.push({ pointer, message });
  };

  const backend = doc.backend;
  if (isObj(backend) && typeof backend.type === 'string') {
    const sub = backend[backend.type];
    const at = `/backend/${backend.type}`;
    if (isObj(sub)) {
      switch (backend.type) {
        case 'localfs':
          need(errors, nonEmpty(sub.blob_file) || nonEmpty(sub.dir), at, 'expected a non-empty blob_file or dir, found neither');
          break;
        case 'localdisk':
          need(errors, nonEmpty(sub.device_path), `${at}/device_path`, 'expected a non-empty path of a block device or disk image');
          break;
        case 'oss':
          need(errors, nonEmpty(sub.endpoint), `${at}/endpoint`, 'expected a non-empty OSS endpoint');
          need(errors, nonEmpty(sub.bucket_name), `${at}/bucket_name`, 'expected a non-empty bucket name');
          break;
        case 's3':
          need(errors, nonEmpty(sub.region), `${at}/region`, 'expected a non-empty region');
          need(errors, nonEmpty(sub.bucket_name), `${at}/bucket_name`, 'expected a non-empty bucket name');
          break;
        case 'registry':
          // nydus-snapshotter's template configs leave host and repo out and fill them per image.
          need(mountProblems, nonEmpty(sub.host), `${at}/host`, 'expected a non-empty registry host[:port] (needed to mount; nydus-snapshotter fills it per image)');
          need(mountProblems, nonEmpty(sub.repo), `${at}/repo`, 'expected a non-empty repository namespace/name (needed to mount; nydus-snapshotter fills it per image)');
          break;
        case 'http-proxy': {
          const addr = sub.addr;
          if (typeof addr === 'string') {
            const ok = addr.startsWith('http://') || addr.startsWith('https://') || (isAbsolute(addr) && existsSync(addr));
            need(errors, ok, `${at}/addr`, `expected http://..., https://... or the absolute path of an existing Unix socket, found ${JSON.stringify(addr)}`);
          }
          break;
        }
      }
    }
  }
  const overlay = doc.overlay;
  if (isObj(overlay)) {
    need(mountProblems, nonEmpty(overlay.upper_dir), '/overlay/upper_dir', 'expected a non-empty upper directory');
    need(mountProblems, nonEmpty(overlay.work_dir), '/overlay/work_dir', 'expected a non-empty work directory');
  }
  need(mountProblems, isObj(doc.backend), '/backend', 'expected a storage backend (a RAFS mount needs one)');
  need(mountProblems, isObj(doc.cache), '/cache', 'expected a cache section (a RAFS mount needs one)');
  need(mountProblems, isObj(doc.rafs), '/rafs', 'expected a rafs section (a RAFS mount needs one)');
  return { errors, mountProblems };
}
