// OCI layer: image references ("host:port/ns/repo:tag@sha256:…") parsed and printed with the
// Docker conventions (no host → docker.io, a one-part docker.io name gets "library/", no tag
// and no digest → "latest"), as containerd, nydusify and the docker CLI read them.
import { NydusError } from '../errors.js';

export interface ImageRef {
  /** Registry host as written ("127.0.0.1:5000", "docker.io"). */
  registry: string;
  /** Repository path inside the registry ("library/busybox"). */
  repository: string;
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
/** docker.io's API endpoint (the name docker.io itself only redirects). */
export const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Za-z0-9=_-]{32,}$/;
const SHA256 = /^sha256:[a-f0-9]{64}$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

function invalid(text: string, why: string): NydusError {
  return new NydusError('EINVAL', `invalid image reference "${text}": ${why}`, 2);
}

/** A digest "algorithm:hex" as accepted in references (sha256 must be 64 lower-case hex digits). */
export function isDigest(text: string): boolean {
  return DIGEST.test(text) && (!text.startsWith('sha256:') || SHA256.test(text));
}

/** Parses "[host[:port]/]path[:tag][@digest]"; throws NydusError EINVAL naming what is wrong. */
export function parseReference(text: string): ImageRef {
  if (typeof text !== 'string' || text.trim() === '') throw invalid(String(text), 'empty');
  if (text !== text.trim() || /\s/.test(text)) throw invalid(text, 'contains white space');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) throw invalid(text, 'a reference has no scheme (drop the "http://" or "https://")');
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) throw invalid(text, `"${digest}" is not a digest (expected sha256:<64 hex digits>)`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw invalid(text, `"${tag}" is not a valid tag`);
  }
  if (!rest) throw invalid(text, 'no repository name');
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  let registry = DOCKER_HUB;
  let repository = rest;
  // As docker: the first part is a host when it has a dot or a port, or is "localhost".
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
    registry = first;
    repository = rest.slice(slash + 1);
    if (!HOST.test(registry)) throw invalid(text, `"${registry}" is not a registry host[:port]`);
  }
  if (registry === 'index.docker.io') registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  for (const part of repository.split('/')) {
    if (!COMPONENT.test(part)) {
      throw invalid(text, `repository path component "${part}" must be lower-case letters and digits, separated by ".", "_", "__" or "-"`);
    }
  }
  if (repository.length > 255) throw invalid(text, 'repository name longer than 255 characters');
  if (!tag && !digest) tag = 'latest';
  return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The full form: "registry/repository[:tag][@digest]" (docker.io names keep their "library/"). */
export function formatReference(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The host[:port] that serves a registry's API (docker.io → registry-1.docker.io). */
export function registryEndpoint(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry;
}

/** Loopback registries default to plain http, as docker treats them as insecure registries. */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(0, registry.indexOf(']') + 1) : registry.replace(/:\d+$/, '');
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
