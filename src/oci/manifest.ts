// OCI layer: manifest and index documents as a registry answers them: the media type (from
// Content-Type, else the document) checked against the types this project reads.
import { NydusError } from '../errors.js';
import { type ImageIndex, type ImageManifest, INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES } from './media-types.js';

/** Media type and JSON of manifest bytes; the Content-Type wins over the document's mediaType. */
export function decodeManifest(contentType: string, bytes: Buffer, what: string): { mediaType: string; json: ImageManifest | ImageIndex } {
  let json: ImageManifest | ImageIndex & { mediaType?: string };
  try {
    json = JSON.parse(bytes.toString('utf8')) as ImageManifest | ImageIndex;
  } catch (err) {
    throw new NydusError('EINVAL', `${what}: manifest is not JSON: ${(err as Error).message}`);
  }
  const known = [...MANIFEST_MEDIA_TYPES, ...INDEX_MEDIA_TYPES];
  let mediaType = known.includes(contentType) ? contentType : json.mediaType ?? contentType;
  // A registry that does not keep the type may answer application/json: guess from the shape.
  if (!known.includes(mediaType) && (contentType === 'application/json' || contentType === '') && !json.mediaType) {
    if ('manifests' in json) mediaType = INDEX_MEDIA_TYPES[0];
    else if ('layers' in json) mediaType = MANIFEST_MEDIA_TYPES[0];
  }
  if (!known.includes(mediaType)) {
    throw new NydusError('EINVAL', `${what}: unsupported manifest media type "${mediaType}" (expected one of ${known.join(', ')})`);
  }
  if (json.schemaVersion !== 2) throw new NydusError('EINVAL', `${what}: schemaVersion ${String(json.schemaVersion)} is not supported (expected 2)`);
  return { mediaType, json };
}
