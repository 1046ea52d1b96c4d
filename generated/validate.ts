// Generated from schema/*.schema.json, templates/validate.ts.ejs by `npm run generate` (scripts/generate.mjs). Do not edit.
// Typed views of the standalone validators in validators.ts: each narrows `unknown` to the
// document's Input type and leaves ajv's errors (verbose) on `.errors`.
import * as raw from './validators.js';
import type { AjvError } from '../src/schema/problems.js';
import type {
  ConfigV2Input,
  ConfigV1Input,
  MountCmdInput,
  FuseDaemonOptionsInput,
  FuseTakeoverStateInput,
  DaemonRecordInput,
  BlobCacheEntryInput,
  BlobCacheListInput,
  ConfigValidateResultInput,
  InspectSuperblockInput,
  InspectStatInput,
  InspectCheckInput,
  InspectTreeInput,
  DaemonInfoInput,
  LogLevelBodyInput,
  EventsBodyInput,
  RafsSuperInfoInput,
  FsMetricsInput,
  FileMetricsInput,
  LatestFilesInput,
  AccessPatternsInput,
  BackendMetricsInput,
  BlobcacheMetricsInput,
  InflightInput,
  ConfigMapInput,
  BlobcacheDaemonOptionsInput,
  BlobMetricsListInput,
  VirtiofsDaemonOptionsInput,
} from './types.js';

/** A generated validator: a type guard whose failures are left on `errors`. */
export interface Validator<T> {
  (data: unknown): data is T;
  errors?: AjvError[] | null;
}

/** Validates a ConfigV2 document against schema/config-v2.schema.json. */
export const validateConfigV2 = raw.validateConfigV2 as unknown as Validator<ConfigV2Input>;
/** Validates a ConfigV1 document against schema/config-v1.schema.json. */
export const validateConfigV1 = raw.validateConfigV1 as unknown as Validator<ConfigV1Input>;
/** Validates a MountCmd document against schema/mount-cmd.schema.json. */
export const validateMountCmd = raw.validateMountCmd as unknown as Validator<MountCmdInput>;
/** Validates a FuseDaemonOptions document against schema/daemon/fuse.schema.json. */
export const validateFuseDaemonOptions = raw.validateFuseDaemonOptions as unknown as Validator<FuseDaemonOptionsInput>;
/** Validates a FuseTakeoverState document against schema/daemon/state.schema.json. */
export const validateFuseTakeoverState = raw.validateFuseTakeoverState as unknown as Validator<FuseTakeoverStateInput>;
/** Validates a DaemonRecord document against schema/daemon/record.schema.json. */
export const validateDaemonRecord = raw.validateDaemonRecord as unknown as Validator<DaemonRecordInput>;
/** Validates a BlobCacheEntry document against schema/blob-cache-entry.schema.json. */
export const validateBlobCacheEntry = raw.validateBlobCacheEntry as unknown as Validator<BlobCacheEntryInput>;
/** Validates a BlobCacheList document against schema/blob-cache-list.schema.json. */
export const validateBlobCacheList = raw.validateBlobCacheList as unknown as Validator<BlobCacheListInput>;
/** Validates a ConfigValidateResult document against schema/cli/config-validate.schema.json. */
export const validateConfigValidateResult = raw.validateConfigValidateResult as unknown as Validator<ConfigValidateResultInput>;
/** Validates a InspectSuperblock document against schema/cli/inspect-superblock.schema.json. */
export const validateInspectSuperblock = raw.validateInspectSuperblock as unknown as Validator<InspectSuperblockInput>;
/** Validates a InspectStat document against schema/cli/inspect-stat.schema.json. */
export const validateInspectStat = raw.validateInspectStat as unknown as Validator<InspectStatInput>;
/** Validates a InspectCheck document against schema/cli/inspect-check.schema.json. */
export const validateInspectCheck = raw.validateInspectCheck as unknown as Validator<InspectCheckInput>;
/** Validates a InspectTree document against schema/cli/inspect-tree.schema.json. */
export const validateInspectTree = raw.validateInspectTree as unknown as Validator<InspectTreeInput>;
/** Validates a DaemonInfo document against schema/api/daemon-info.schema.json. */
export const validateDaemonInfo = raw.validateDaemonInfo as unknown as Validator<DaemonInfoInput>;
/** Validates a LogLevelBody document against schema/api/log-level.schema.json. */
export const validateLogLevelBody = raw.validateLogLevelBody as unknown as Validator<LogLevelBodyInput>;
/** Validates a EventsBody document against schema/api/events.schema.json. */
export const validateEventsBody = raw.validateEventsBody as unknown as Validator<EventsBodyInput>;
/** Validates a RafsSuperInfo document against schema/api/rafs-super-info.schema.json. */
export const validateRafsSuperInfo = raw.validateRafsSuperInfo as unknown as Validator<RafsSuperInfoInput>;
/** Validates a FsMetrics document against schema/api/fs-metrics.schema.json. */
export const validateFsMetrics = raw.validateFsMetrics as unknown as Validator<FsMetricsInput>;
/** Validates a FileMetrics document against schema/api/file-metrics.schema.json. */
export const validateFileMetrics = raw.validateFileMetrics as unknown as Validator<FileMetricsInput>;
/** Validates a LatestFiles document against schema/api/latest-files.schema.json. */
export const validateLatestFiles = raw.validateLatestFiles as unknown as Validator<LatestFilesInput>;
/** Validates a AccessPatterns document against schema/api/access-patterns.schema.json. */
export const validateAccessPatterns = raw.validateAccessPatterns as unknown as Validator<AccessPatternsInput>;
/** Validates a BackendMetrics document against schema/api/backend-metrics.schema.json. */
export const validateBackendMetrics = raw.validateBackendMetrics as unknown as Validator<BackendMetricsInput>;
/** Validates a BlobcacheMetrics document against schema/api/blobcache-metrics.schema.json. */
export const validateBlobcacheMetrics = raw.validateBlobcacheMetrics as unknown as Validator<BlobcacheMetricsInput>;
/** Validates a Inflight document against schema/api/inflight.schema.json. */
export const validateInflight = raw.validateInflight as unknown as Validator<InflightInput>;
/** Validates a ConfigMap document against schema/api/config-map.schema.json. */
export const validateConfigMap = raw.validateConfigMap as unknown as Validator<ConfigMapInput>;
/** Validates a BlobcacheDaemonOptions document against schema/daemon/blobcache.schema.json. */
export const validateBlobcacheDaemonOptions = raw.validateBlobcacheDaemonOptions as unknown as Validator<BlobcacheDaemonOptionsInput>;
/** Validates a BlobMetricsList document against schema/api/blob-metrics.schema.json. */
export const validateBlobMetricsList = raw.validateBlobMetricsList as unknown as Validator<BlobMetricsListInput>;
/** Validates a VirtiofsDaemonOptions document against schema/daemon/virtiofs.schema.json. */
export const validateVirtiofsDaemonOptions = raw.validateVirtiofsDaemonOptions as unknown as Validator<VirtiofsDaemonOptionsInput>;
