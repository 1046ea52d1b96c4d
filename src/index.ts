// Library entry (`import { ... } from 'nydus-service'`): config types, builders, loader,
// validators and errors; the FUSE daemon (DaemonController, fuseDaemon() builder, API
// server and client); the blob cache daemon (BlobCacheController, blobcacheDaemon() builder,
// BlobCacheManager, the shared blob read service) and the native image and FUSE session classes.
export * from '../generated/types.js';
export { ConfigV2Builder, MountCmdBuilder, BlobCacheEntryBuilder } from '../generated/builders.js';
export type * from '../generated/builders.js';
export {
  validateConfigV2,
  validateConfigV1,
  validateMountCmd,
  validateBlobCacheEntry,
  validateBlobCacheList,
  type Validator,
} from '../generated/validate.js';
export { schemaRegistry, schemaIds } from '../generated/schemas.js';
export * from './config/index.js';
export * from './config/starter.js';
export { applyDefaults } from './schema/defaults.js';
export { problemsFromAjv } from './schema/problems.js';
export { NydusError, ConfigError, NativeError, type ConfigProblem } from './errors.js';
export * as native from './native/binding.js';
export { fuseDaemon, FuseDaemonBuilder, blobcacheDaemon, BlobcacheDaemonBuilder, virtiofsDaemon, VirtiofsDaemonBuilder } from '../generated/daemon-builders.js';
export { DaemonController, localfsDirConfig, type ControllerHooks } from './daemon/controller.js';
export { StateMachine, TRANSITIONS, TRIGGERS, type DaemonEvent, type MachineState, type ReportedState } from './daemon/state-machine.js';
export { Logger, type LogLevel } from './daemon/log.js';
export { buildInfo, versionText, type BuildInfo } from './daemon/version.js';
export { ApiFailure, failures } from './daemon/api/errors.js';
export type { DaemonApiHandler } from './daemon/api/handler.js';
export { FsService } from './service/fs-service.js';
export { BlobCacheController, DEFAULT_BLOBCACHE_ID, type BlobCacheHooks, type BlobMetrics } from './daemon/blobcache-controller.js';
export { BlobCacheManager, BlobCacheError, type BlobFigures, type WarmState } from './service/blob-cache-manager.js';
export { BlobEntryStore, entryStorePath } from './service/blob-entry-store.js';
export { SharedBlobReads } from './service/shared-blob-reads.js';
export { RafsImage, type ImageOptions } from './native/image.js';
export { FuseSession } from './native/fuse.js';
export { CachefilesSession, type CachefilesMetrics, type CachefilesOpenOptions } from './native/cachefiles.js';
export { VirtiofsSession } from './native/virtiofs.js';
export { VirtiofsController, type VirtiofsHooks } from './daemon/virtiofs-controller.js';
export { FsDaemon } from './daemon/fs-daemon.js';
