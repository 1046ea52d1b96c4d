// OCI layer: platforms ("linux/arm64/v8") as OCI names them, this machine's platform, and the
// choice of a manifest in an index (an error lists what the index offers).
import { NydusError } from '../errors.js';
import { type Descriptor, type ImageIndex, OS_FEATURE_NYDUS } from './media-types.js';

export interface PlatformSpec {
  os: string;
  architecture: string;
  variant?: string;
}

/** node's process.arch → OCI architecture (and the variant OCI uses by default). */
const ARCH: Record<string, [string, string?]> = {
  x64: ['amd64'], arm64: ['arm64', 'v8'], arm: ['arm', 'v7'], ia32: ['386'], ppc64: ['ppc64le'],
  s390x: ['s390x'], riscv64: ['riscv64'], loong64: ['loong64'], mips64el: ['mips64le'], mipsel: ['mipsle'],
};

/** This machine's platform: linux/<arch>[/<variant>]. */
export function hostPlatform(): string {
  const [arch, variant] = ARCH[process.arch] ?? [process.arch];
  return `${process.platform === 'win32' ? 'windows' : process.platform}/${arch}${variant ? `/${variant}` : ''}`;
}

export function parsePlatform(text: string): PlatformSpec {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9._-]+$/i.test(p))) {
    throw new NydusError('EINVAL', `invalid platform "${text}" (expected os/architecture[/variant], e.g. linux/amd64)`, 2);
  }
  return { os: parts[0], architecture: parts[1], ...(parts[2] ? { variant: parts[2] } : {}) };
}

export function formatPlatform(p: { os?: string; architecture?: string; variant?: string }): string {
  return `${p.os ?? '?'}/${p.architecture ?? '?'}${p.variant ? `/${p.variant}` : ''}`;
}

/** Variants that mean the same: arm64 with no variant is v8. */
function sameVariant(arch: string, a: string | undefined, b: string | undefined): boolean {
  const norm = (v: string | undefined) => (arch === 'arm64' && !v ? 'v8' : v ?? '');
  return norm(a) === norm(b);
}

const isNydus = (d: Descriptor) => d.platform?.['os.features']?.includes(OS_FEATURE_NYDUS) ?? false;

/**
 * The index entry for `platform` (default: this machine). A wanted platform without a variant
 * matches any variant; among matches the nydus manifest comes first when `preferNydus`, else last.
 */
export function pickPlatform(index: ImageIndex, platform: string | undefined, preferNydus: boolean, what: string): Descriptor {
  const want = parsePlatform(platform ?? hostPlatform());
  const entries = (index.manifests ?? []).filter((d) => d.platform);
  const matches = entries.filter((d) => {
    const p = d.platform!;
    if (p.os !== want.os || p.architecture !== want.architecture) return false;
    return want.variant === undefined || sameVariant(want.architecture, p.variant, want.variant);
  });
  if (matches.length === 0) {
    const offered = [...new Set(entries.map((d) => formatPlatform(d.platform!) + (isNydus(d) ? ' (nydus)' : '')))];
    throw new NydusError('ENOENT', `${what}: no manifest for platform ${formatPlatform(want)}; the index offers ${offered.length ? offered.join(', ') : 'no platform-tagged manifests'}`);
  }
  const ranked = [...matches].sort((a, b) => Number(isNydus(b) === preferNydus) - Number(isNydus(a) === preferNydus));
  return ranked[0];
}
