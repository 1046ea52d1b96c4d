// OCI layer: the media types and annotations of OCI/Docker images and of nydus images as
// nydusify, nydus-snapshotter's converter and acceleration-service write and read them.

export const MEDIA_OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const MEDIA_OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const MEDIA_OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const MEDIA_OCI_LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';
export const MEDIA_OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const MEDIA_OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
export const MEDIA_DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const MEDIA_DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const MEDIA_DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const MEDIA_DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
export const MEDIA_DOCKER_LAYER_TAR = 'application/vnd.docker.image.rootfs.diff.tar';

/** A nydus data blob pushed as a layer (its digest is the SHA-256 of the blob file = blob id). */
export const MEDIA_NYDUS_BLOB = 'application/vnd.oci.image.layer.nydus.blob.v1';
/** The path of the bootstrap inside the bootstrap layer's tar. */
export const BOOTSTRAP_IN_LAYER = 'image/image.boot';
/** Older nydus images put it at the tar's top level. */
export const LEGACY_BOOTSTRAP_IN_LAYER = 'image.boot';
/** `platform.os.features` entry of a nydus manifest in an index. */
export const OS_FEATURE_NYDUS = 'nydus.remoteimage.v1';

export const ANNOTATION_NYDUS_BLOB = 'containerd.io/snapshot/nydus-blob';
export const ANNOTATION_NYDUS_BOOTSTRAP = 'containerd.io/snapshot/nydus-bootstrap';
export const ANNOTATION_NYDUS_FS_VERSION = 'containerd.io/snapshot/nydus-fs-version';
export const ANNOTATION_NYDUS_BLOB_IDS = 'containerd.io/snapshot/nydus-blob-ids';
export const ANNOTATION_NYDUS_SOURCE_DIGEST = 'containerd.io/snapshot/nydus-source-digest';
export const ANNOTATION_NYDUS_SOURCE_REFERENCE = 'containerd.io/snapshot/nydus-source-reference';
export const ANNOTATION_NYDUS_REFERENCE_BLOB_IDS = 'containerd.io/snapshot/nydus-reference-blob-ids';
export const ANNOTATION_UNCOMPRESSED = 'containerd.io/uncompressed';

export const MANIFEST_MEDIA_TYPES = [MEDIA_OCI_MANIFEST, MEDIA_DOCKER_MANIFEST];
export const INDEX_MEDIA_TYPES = [MEDIA_OCI_INDEX, MEDIA_DOCKER_LIST];

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: Platform;
  urls?: string[];
}

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

/** The parts of an image config a converter reads and rewrites; the rest is kept as is. */
export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  rootfs: { type: 'layers'; diff_ids: string[] };
  history?: unknown[];
  [key: string]: unknown;
}
