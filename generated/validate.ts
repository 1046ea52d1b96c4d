// Generated from schema/*.schema.json, templates/validate.ts.ejs by `npm run generate` (scripts/generate.mjs). Do not edit.
// Typed views of the standalone validators in validators.ts: each narrows `unknown` to the
// document's Input type and leaves ajv's errors (verbose) on `.errors`.
import * as raw from './validators.js';
import type { AjvError } from '../src/schema/problems.js';
import type {
  ConfigV2Input,
  ConfigV1Input,
  MountCmdInput,
  BlobCacheEntryInput,
  BlobCacheListInput,
  ConfigValidateResultInput,
  InspectSuperblockInput,
  InspectStatInput,
  InspectCheckInput,
  InspectTreeInput,
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
